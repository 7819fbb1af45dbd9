/**
 * In-process models. all-MiniLM-L6-v2 ships inside the langchain4j Maven artifact; nothing is
 * downloaded at run time. Inference runs on dedicated threads, never on an event loop.
 */
package dev.fulcrum.inference.local;
