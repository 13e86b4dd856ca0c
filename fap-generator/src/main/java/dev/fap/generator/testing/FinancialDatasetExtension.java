package dev.fap.generator.testing;

import dev.fap.core.FapException;
import dev.fap.generator.DataGenerator;
import dev.fap.generator.DatasetSpec;
import dev.fap.generator.FinancialDataset;
import dev.fap.generator.GroundTruth;
import java.lang.reflect.AnnotatedElement;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives tests generated data: a parameter of type {@link FinancialDataset},
 * {@link DataGenerator}, {@link DatasetSpec} or {@link GroundTruth} is resolved from the nearest
 * {@link GeneratedDataset} annotation (parameter, method, class) or the annotation's defaults.
 * Datasets are deterministic, so one is built per distinct spec and shared by the whole test run.
 *
 * <pre>{@code
 * @ExtendWith(FinancialDatasetExtension.class)
 * class FraudRuleTest {
 *     @Test
 *     void flagsNightPurchases(@GeneratedDataset(seed = 7, customers = 50) FinancialDataset ds) {
 *         assertThat(ds.transactions()).isNotEmpty();
 *     }
 * }
 * }</pre>
 */
public final class FinancialDatasetExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(FinancialDatasetExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext pc, ExtensionContext ec) {
        Class<?> t = pc.getParameter().getType();
        return t == FinancialDataset.class || t == DataGenerator.class || t == DatasetSpec.class || t == GroundTruth.class;
    }

    @Override
    public Object resolveParameter(ParameterContext pc, ExtensionContext ec) {
        DatasetSpec spec = spec(pc, ec);
        Class<?> t = pc.getParameter().getType();
        if (t == DatasetSpec.class) {
            return spec;
        }
        ExtensionContext.Store store = ec.getRoot().getStore(NS);
        DataGenerator gen = store.getOrComputeIfAbsent("gen:" + spec, k -> DataGenerator.of(spec), DataGenerator.class);
        if (t == DataGenerator.class) {
            return gen;
        }
        if (t == GroundTruth.class) {
            return gen.groundTruth();
        }
        return store.getOrComputeIfAbsent("ds:" + spec, k -> gen.inMemory(), FinancialDataset.class);
    }

    private static DatasetSpec spec(ParameterContext pc, ExtensionContext ec) {
        GeneratedDataset a = pc.findAnnotation(GeneratedDataset.class)
                .or(() -> find(ec.getTestMethod()))
                .or(() -> find(ec.getTestClass()))
                .orElse(Defaults.class.getAnnotation(GeneratedDataset.class));
        try {
            DatasetSpec spec = DatasetSpec.defaults().withSeed(a.seed()).withCustomers(a.customers()).withTransactions(a.transactions())
                    .withMerchants(a.merchants()).withCampaigns(a.campaigns())
                    .withPeriod(LocalDate.parse(a.start()), LocalDate.parse(a.end())).withDirtyRate(a.dirtyRate())
                    .withLocale(Locale.forLanguageTag(a.locale()));
            spec = a.fraudRate() < 0 ? spec : spec.withFraudRate(a.fraudRate());
            spec = a.declineRate() < 0 ? spec : spec.withDeclineRate(a.declineRate());
            return a.churnRate() < 0 ? spec : spec.withChurnRate(a.churnRate());
        } catch (DateTimeParseException | FapException e) {
            throw new ParameterResolutionException("bad @GeneratedDataset on " + pc.getDeclaringExecutable() + ": " + e.getMessage(), e);
        }
    }

    private static Optional<GeneratedDataset> find(Optional<? extends AnnotatedElement> element) {
        return element.map(e -> e.getAnnotation(GeneratedDataset.class));
    }

    @GeneratedDataset
    private static final class Defaults {
        private Defaults() {}
    }
}
