// The official OpenAI Node SDK, unchanged, pointed at Fulcrum. Run by ./run.sh, which starts
// `bin/fulcrum demo` and sets OPENAI_BASE_URL and OPENAI_API_KEY.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';

const client = new OpenAI({ maxRetries: 0, timeout: 20_000 });

test('chat completion', async () => {
  const completion = await client.chat.completions.create({
    model: 'chat-small',
    messages: [{ role: 'system', content: 'Be terse.' }, { role: 'user', content: 'Hello from the SDK' }],
    temperature: 0.2,
  });
  assert.equal(completion.object, 'chat.completion');
  assert.match(completion.choices[0].message.content, /^\[simulated/);
  assert.match(completion.choices[0].message.content, /Hello from the SDK$/);
  assert.equal(completion.choices[0].finish_reason, 'stop');
  assert.ok(completion.usage.total_tokens > 0);
});

test('chat completion with raw response headers', async () => {
  const { data, response } = await client.chat.completions
    .create({ model: 'chat-small', messages: [{ role: 'user', content: 'hi' }] })
    .withResponse();
  assert.ok(data.id);
  assert.match(response.headers.get('x-fulcrum-request-id'), /^req_/);
  assert.equal(response.headers.get('x-fulcrum-simulated'), 'true');
  assert.equal(response.headers.get('x-fulcrum-placement'), 'CLOUD');
});

test('streaming chat completion with usage', async () => {
  const stream = await client.chat.completions.create({
    model: 'chat-small',
    messages: [{ role: 'user', content: 'stream this please' }],
    stream: true,
    stream_options: { include_usage: true },
  });
  let text = '';
  let chunks = 0;
  let usage = null;
  let finish = null;
  for await (const chunk of stream) {
    chunks++;
    if (chunk.usage) usage = chunk.usage;
    const choice = chunk.choices[0];
    if (choice) {
      text += choice.delta.content ?? '';
      finish = choice.finish_reason ?? finish;
    }
  }
  assert.ok(chunks > 3, `expected several chunks, got ${chunks}`);
  assert.match(text, /^\[simulated.*stream this please$/);
  assert.equal(finish, 'stop');
  assert.ok(usage && usage.completion_tokens > 0, 'usage chunk expected');
});

test('embeddings: string input with the SDK default (base64) encoding', async () => {
  const result = await client.embeddings.create({ model: 'embed-small', input: 'hello world' });
  assert.equal(result.data.length, 1);
  assert.equal(result.data[0].embedding.length, 384);
  assert.ok(result.data[0].embedding.every(Number.isFinite));
});

test('embeddings: array input as floats, similar texts closer', async () => {
  const result = await client.embeddings.create({
    model: 'embed-small',
    input: ['How do I reset my password?', 'I forgot my password', 'The Eiffel Tower is in Paris'],
    encoding_format: 'float',
  });
  const [a, b, c] = result.data.map((d) => d.embedding);
  const cos = (x, y) => x.reduce((s, v, i) => s + v * y[i], 0)
    / Math.sqrt(x.reduce((s, v) => s + v * v, 0) * y.reduce((s, v) => s + v * v, 0));
  assert.ok(cos(a, b) > cos(a, c), 'paraphrases should be closer than unrelated text');
});

test('models list', async () => {
  const ids = [];
  for await (const model of client.models.list()) ids.push(model.id);
  assert.ok(ids.includes('chat-small') && ids.includes('embed-small'), ids.join(','));
});

test('errors arrive as typed SDK errors', async () => {
  const stranger = new OpenAI({ apiKey: 'sk-wrong', maxRetries: 0 });
  await assert.rejects(stranger.models.list(), (e) => e instanceof OpenAI.AuthenticationError && e.status === 401);
  await assert.rejects(
    client.chat.completions.create({ model: 'no-such-model', messages: [{ role: 'user', content: 'x' }] }),
    (e) => e instanceof OpenAI.NotFoundError && /does not exist/.test(e.message));
  await assert.rejects(
    client.chat.completions.create({ model: 'chat-small', messages: [{ role: 'wizard', content: 'x' }] }),
    (e) => e instanceof OpenAI.BadRequestError && e.param === 'messages[0].role');
});
