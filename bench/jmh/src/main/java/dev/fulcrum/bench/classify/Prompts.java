package dev.fulcrum.bench.classify;

import java.util.List;

/** Fixed benchmark prompts by size; written for the benchmark, not taken from the labelled set. */
final class Prompts {
  private Prompts() {}

  static List<String> of(String size) {
    return switch (size) {
      case "short" -> SHORT;
      case "medium" -> MEDIUM;
      case "long" -> MEDIUM.stream().map(Prompts::lengthen).toList();
      default -> throw new IllegalArgumentException("unknown size " + size);
    };
  }

  private static final List<String> SHORT = List.of(
      "hey, what's up?",
      "Translate 'good night' into Italian.",
      "What's 12% of 250?",
      "Is this review positive? \"Great fit, fast shipping.\"",
      "regex for a UK postcode",
      "Write a haiku about coffee.",
      "Summarize: the meeting moved to Friday at 10.",
      "Prove that there are infinitely many primes.");

  private static final List<String> MEDIUM = List.of(
      "I'm planning a week in Portugal in October with two kids aged 6 and 9. We like beaches "
          + "but also want some culture and not too much driving. Could you suggest where to "
          + "base ourselves, what to see each day, and roughly what it would cost for a family "
          + "on a mid-range budget? We'd prefer trains to renting a car if possible.",
      "Summarize this for my manager: this week I finished the login redesign, which is now in "
          + "QA, fixed the bug where reset emails went to spam (a missing DKIM record), and "
          + "started on the settings page, but I'm blocked until design signs off on the "
          + "mockups. Next week I'll pair with Ana on the billing migration.",
      "Extract the invoice number, date, vendor, currency and total as JSON from this: Invoice "
          + "INV-20931 from Apex Supplies Ltd, dated 12/02/2024. Items: 10 boxes of A4 paper at "
          + "4.20, 2 toner cartridges at 89.90. Net 221.80, VAT 19% 42.14, total EUR 263.94, "
          + "payment terms 30 days.",
      "We have a Go service that occasionally deadlocks under load. A registry holds a RWMutex; "
          + "Broadcast takes the read lock and calls Send on every client, and Send calls Remove "
          + "(which takes the write lock) when a client's channel is full. Explain the exact "
          + "interleaving that deadlocks and propose a fix that doesn't serialize all requests.",
      "Classify each of these support messages as billing, technical or account, and give a "
          + "priority from 1 to 3: (1) I was charged twice this month. (2) The export button "
          + "does nothing in Safari. (3) How do I add a second admin? (4) Our whole team is "
          + "locked out after the SSO change this morning.",
      "Traduce al inglés este correo, manteniendo el tono formal: Estimado señor Pérez, le "
          + "agradecemos su interés en nuestra propuesta. Tras revisar los documentos, nos "
          + "gustaría concertar una reunión la próxima semana para aclarar algunos detalles "
          + "sobre los plazos de entrega y las condiciones de pago.",
      "A company can lease a machine for $3,200 a month for five years or buy it for $150,000 "
          + "with $1,500 a month maintenance and a $30,000 resale value after five years. With "
          + "an 8% discount rate, which has the lower NPV cost? Show the calculation and how "
          + "sensitive the answer is to the discount rate.",
      "Write a warm but professional email to a client explaining that the launch will slip by "
          + "two weeks because a security review found issues we must fix first. Acknowledge "
          + "the inconvenience, explain what we're doing, offer a short call, and keep it under "
          + "200 words.");

  /** A ~1,000-word prompt: a pasted document between the instruction and a closing request. */
  private static String lengthen(String instruction) {
    StringBuilder text = new StringBuilder(instruction).append("\n\nContext:\n");
    String paragraph = "The quarterly review covered revenue, hiring, support volumes and the "
        + "product roadmap. Revenue grew modestly, hiring slowed after the spring, support "
        + "volumes rose after the billing launch and then settled, and the roadmap moved two "
        + "features into the next quarter because of a security review. ";
    while (text.length() < 6_000) {
      text.append(paragraph);
    }
    return text.append("\n\nPlease keep the answer concise.").toString();
  }
}
