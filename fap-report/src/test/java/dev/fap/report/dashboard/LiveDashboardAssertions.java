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
        JsonNode first = page.waitFor("window.__fap.frames >= 1 ? document.querySelector('.kpis').textContent : null",
                JsonNode::isTextual, Duration.ofSeconds(30));
        assertThat(first.isTextual()).as("a first frame arrived").isTrue();
        long firstSequence = page.evaluate("window.__fap.lastSequence").asLong();
        String firstKpi = first.asText();
        JsonNode changed = page.waitFor("document.querySelector('.kpis').textContent", v -> !v.asText().equals(firstKpi),
                Duration.ofSeconds(60));
        assertThat(changed.asText()).as("the KPI changed without reload").isNotEqualTo(firstKpi);
        assertThat(page.evaluate("window.__fap.lastSequence").asLong()).isGreaterThan(firstSequence);
        assertThat(page.evaluate("window.__fapMarker").asText()).isEqualTo("same page");
        assertThat(page.evaluate("document.getElementById('fap-live').textContent").asText()).startsWith("live");
        assertThat(page.evaluate("JSON.stringify(window.__fap.errors)").asText()).isEqualTo("[]");
        assertThat(page.exceptions()).isEmpty();
        assertThat(dashboard.connectedClients()).isGreaterThanOrEqualTo(1);
    }
}
