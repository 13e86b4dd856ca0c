package dev.fap.report.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fap.report.browser.Chromium;
import java.time.Duration;

/** Browser checks shared by the dashboard tests: frames arrive, numbers change, no reload, no error. */
public final class LiveDashboardAssertions {
    private LiveDashboardAssertions() {
    }

    public static void assertLiveUpdates(Chromium.Page page, LiveDashboard dashboard) throws InterruptedException {
        JsonNode drawn = page.waitFor("(function(){var s=document.getElementById('fap-status');"
                + "return s && s.dataset.state !== 'loading' ? s.textContent : null;})()", JsonNode::isTextual, Duration.ofSeconds(60));
        assertThat(drawn.asText()).contains("\"state\":\"done\"").contains("\"drawn\":true").doesNotContain("\"drawn\":false");
        page.evaluate("window.__fapMarker = 'same page'");
        // KPI text and frame number are read together: a frame may arrive between two evaluations
        String snapshot = "window.__fap.frames >= 1 ? {sequence: window.__fap.kpiSequence, "
                + "text: document.querySelector('.kpis').textContent} : null";
        JsonNode first = page.waitFor(snapshot, JsonNode::isObject, Duration.ofSeconds(30));
        assertThat(first.isObject()).as("a first frame arrived").isTrue();
        JsonNode later = page.waitFor(snapshot, v -> v.isObject() && !v.get("text").equals(first.get("text")), Duration.ofSeconds(60));
        assertThat(later.get("text")).as("the KPIs changed without reload").isNotEqualTo(first.get("text"));
        assertThat(later.get("sequence").asLong()).isGreaterThan(first.get("sequence").asLong());
        assertThat(page.evaluate("window.__fapMarker").asText()).isEqualTo("same page");
        assertThat(page.evaluate("document.getElementById('fap-live').textContent").asText()).startsWith("live");
        assertThat(page.evaluate("JSON.stringify(window.__fap.errors)").asText()).isEqualTo("[]");
        assertThat(page.exceptions()).isEmpty();
        assertThat(dashboard.connectedClients()).isGreaterThanOrEqualTo(1);
    }
}
