package dev.fap.report.browser;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a shared {@link Chromium}: started once per JVM, closed after the last test. Tests are
 * skipped with a clear message where no Chromium is installed.
 */
public final class BrowserExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Chromium.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        var executable = Chromium.locate();
        Assumptions.assumeTrue(executable.isPresent(),
                "no Chromium found (looked at $FAP_CHROMIUM and /usr/bin/chromium...): install it with 'apt-get install -y chromium' to run the browser tests");
        Holder holder = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Holder.class, k -> new Holder(), Holder.class);
        return holder.browser(executable.get());
    }

    private static final class Holder implements ExtensionContext.Store.CloseableResource {
        private Chromium browser;

        synchronized Chromium browser(java.nio.file.Path executable) {
            if (browser == null) {
                try {
                    browser = Chromium.launch(executable);
                } catch (Exception e) {
                    throw new IllegalStateException("cannot start " + executable + ": " + e.getMessage(), e);
                }
            }
            return browser;
        }

        @Override
        public synchronized void close() throws Exception {
            if (browser != null) {
                browser.close();
            }
        }
    }
}
