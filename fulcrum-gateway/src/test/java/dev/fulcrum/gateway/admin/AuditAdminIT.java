package dev.fulcrum.gateway.admin;

import static dev.fulcrum.gateway.admin.ModelsAdminIT.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.gateway.admin.AdminHttp.Answer;
import dev.fulcrum.gateway.http.FulcrumHeaders;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /admin/v1/audit}: the log queried by request, tenant, model version and time. */
class AuditAdminIT {
  static AdminFixture fixture;
  static AdminHttp admin;

  @BeforeAll
  static void start() {
    fixture = AdminFixture.start();
    admin = fixture.admin;
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  static List<JsonNode> data(Answer answer) {
    assertThat(answer.status()).as(answer.json().toString()).isEqualTo(200);
    List<JsonNode> entries = new ArrayList<>();
    answer.json().path("data").forEach(entries::add);
    return entries;
  }

  static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void findsARequestByIdTenantVersionAndTimeWithItsChainHash() {
    Instant before = Instant.now();
    String model = fixture.modelWithProd("audited");
    var served = admin.chat(model, "u1");
    assertThat(served.statusCode()).isEqualTo(200);
    String requestId = served.headers().firstValue(FulcrumHeaders.REQUEST_ID).orElseThrow();
    String version = served.headers().firstValue(FulcrumHeaders.MODEL_VERSION).orElseThrow();

    List<JsonNode> byId = data(admin.get("/admin/v1/audit?request_id=" + requestId));

    assertThat(byId).singleElement().satisfies(entry -> {
      assertThat(entry.path("type").asText()).isEqualTo("request.served");
      assertThat(entry.path("hash").asText()).hasSize(64);
      assertThat(entry.path("sequence").asLong()).isPositive();
      JsonNode event = entry.path("event");
      assertThat(event.path("requestId").asText()).isEqualTo(requestId);
      assertThat(event.path("modelVersion").asText()).isEqualTo(version);
      assertThat(event.path("tenant").asText()).isEqualTo("acme");
      assertThat(event.path("requestDigest").asText()).hasSize(64);
      assertThat(event.toString()).doesNotContain("\"hi\"");
    });
    assertThat(data(admin.get("/admin/v1/audit?model_version=" + encoded(version))))
        .extracting(e -> e.path("event").path("requestId").asText()).contains(requestId);
    assertThat(data(admin.get("/admin/v1/audit?tenant=acme&from=" + before + "&limit=1000")))
        .extracting(e -> e.path("event").path("requestId").asText()).contains(requestId);
    assertThat(data(admin.get("/admin/v1/audit?tenant=other"))).isEmpty();
    assertThat(data(admin.get("/admin/v1/audit?request_id=" + requestId + "&to=" + before)))
        .isEmpty();
  }

  @Test
  void pagesThroughTheLogOldestFirst() {
    String model = fixture.modelWithProd("paged");
    for (int i = 0; i < 3; i++) {
      assertThat(admin.chat(model, "u" + i).statusCode()).isEqualTo(200);
    }

    Answer first = admin.get("/admin/v1/audit?limit=2");
    List<JsonNode> page = data(first);
    assertThat(page).hasSize(2);
    assertThat(first.json().path("has_more").asBoolean()).isTrue();
    long next = first.json().path("next_after").asLong();
    assertThat(next).isEqualTo(page.get(1).path("sequence").asLong());
    List<JsonNode> second = data(admin.get("/admin/v1/audit?limit=2&after=" + next));
    assertThat(second.get(0).path("sequence").asLong()).isEqualTo(next + 1);
  }

  @Test
  void badFiltersAre400sNamingTheParameter() {
    Answer limit = admin.get("/admin/v1/audit?limit=5000");
    assertError(limit, 400, "invalid_field");
    assertThat(limit.json().path("error").path("param").asText()).isEqualTo("limit");
    assertThat(limit.errorMessage()).isEqualTo("limit must be a whole number from 1 to 1000, "
        + "got '5000'");
    Answer from = admin.get("/admin/v1/audit?from=yesterday");
    assertError(from, 400, "invalid_field");
    assertThat(from.errorMessage()).startsWith("from must be an instant such as "
        + "2025-03-01T10:00:00Z or a day such as 2025-03-01");
    assertError(admin.get("/admin/v1/audit?from=2026-02-01&to=2026-01-01"), 400,
        "invalid_field");
    assertThat(admin.unauthenticated("/admin/v1/audit").statusCode()).isEqualTo(401);
  }
}
