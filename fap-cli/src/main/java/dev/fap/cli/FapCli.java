package dev.fap.cli;

import dev.fap.core.Database;
import dev.fap.core.ErrorCode;
import dev.fap.core.FapConfig;
import dev.fap.core.FapException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code fap} command line: the whole platform in one executable jar.
 *
 * <pre>{@code
 * ./fap run                       # embedded PostgreSQL, the full pipeline, a summary
 * ./fap sql "select count(*) from bronze.transactions" --data-dir .fap/pgdata
 * int exit = FapCli.execute("sql", "select 1");   // in-process, e.g. from a test
 * }</pre>
 *
 * <p>Every {@link FapException} ends the command with one message and a hint on stderr and the exit
 * code of its {@link ErrorCode}; the codes are listed by {@code fap --help}.
 */
@Command(name = "fap", mixinStandardHelpOptions = true, versionProvider = FapCli.Version.class,
        description = "FAP - Financial Analytics Platform: synthetic banking data, a medallion warehouse on "
                + "PostgreSQL, statistics and interactive reports, all in one JVM.",
        subcommands = {RunCommand.class, GenerateCommand.class, LoadCommand.class, BuildCommand.class, TestCommand.class,
                AnalyzeCommand.class, ReportCommand.class, DocsCommand.class, ServeCommand.class, SqlCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class},
        footerHeading = "%nConfiguration:%n",
        footer = {"  Read from .env in the working directory, the environment and -D properties",
                "  (later wins). External PostgreSQL: DB_HOST, DB_PORT, DB_NAME, DB_USER,",
                "  DB_PASSWORD or FAP_JDBC_URL. Without them FAP starts an embedded",
                "  PostgreSQL 17; FAP_DATA_DIR or --data-dir keeps it on disk between runs."})
public final class FapCli implements Runnable {
    /** Default output folder of reports, docs and run artifacts. */
    public static final String DEFAULT_OUT = "fap-out";

    @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Keep the embedded PostgreSQL cluster in DIR and reuse it on the next run "
                    + "(default: FAP_DATA_DIR, else a temporary cluster removed on exit).")
    Path dataDir;

    @Option(names = "--out", scope = ScopeType.INHERIT, paramLabel = "DIR", defaultValue = DEFAULT_OUT,
            description = "Output folder for reports, docs and run artifacts (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log what happens (database start, pool, timings) and print stack traces of errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Supplier<FapConfig> configSource;
    private PrintWriter stdout;
    private PrintWriter stderr;

    /** A CLI that reads its configuration with {@link FapConfig#load()}. */
    public FapCli() {
        this(FapConfig::load);
    }

    /** A CLI with its own configuration source, e.g. {@code () -> FapConfig.defaults()} in tests. */
    public FapCli(Supplier<FapConfig> configSource) {
        this.configSource = Objects.requireNonNull(configSource, "configSource");
    }

    public static void main(String[] args) {
        Logging.configure(Arrays.asList(args).contains("-v") || Arrays.asList(args).contains("--verbose"));
        System.exit(execute(args));
    }

    /** Runs the CLI in this process with {@link FapConfig#load()} and returns the exit code. */
    public static int execute(String... args) {
        return commandLine(new FapCli(), new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
    }

    /** The configured picocli command line: output streams, error handling and the exit code list. */
    public static CommandLine commandLine(FapCli cli, PrintWriter out, PrintWriter err) {
        cli.stdout = out;
        cli.stderr = err;
        CommandLine cl = new CommandLine(cli);
        cl.setOut(out).setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> cli.handle(ex));
        cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes());
        return cl;
    }

    private static final Map<Integer, String> AREAS = Map.of(2, "invalid usage or configuration", 3, "database",
            4, "file input/output", 5, "warehouse build failed", 6, "data-quality checks failed",
            7, "analysis failed", 8, "report failed", 70, "internal error, a bug in FAP");

    /** Exit code to meaning, derived from {@link ErrorCode} so that docs and behaviour cannot drift. */
    static Map<String, String> exitCodes() {
        Map<Integer, String> byCode = new TreeMap<>();
        for (ErrorCode c : ErrorCode.values()) {
            byCode.merge(c.exitCode(), c.name(), (a, b) -> a + ", " + b);
        }
        Map<String, String> list = new LinkedHashMap<>();
        list.put("0", "success");
        byCode.forEach((code, names) -> list.put(String.valueOf(code), AREAS.getOrDefault(code, "error") + " (" + names + ")"));
        return list;
    }

    private int handle(Exception ex) {
        PrintWriter err = stderr;
        if (ex instanceof FapException f) {
            err.println("fap: " + f.getMessage());
            if (!f.hint().isEmpty()) {
                err.println("  hint: " + f.hint());
            }
            if (verbose) {
                f.printStackTrace(err);
            }
            err.flush();
            return f.code().exitCode();
        }
        err.println("fap: internal error: " + ex);
        err.println("  hint: this is a bug in FAP; run again with --verbose and report the stack trace");
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return ErrorCode.INTERNAL.exitCode();
    }

    @Override
    public void run() {
        spec.commandLine().usage(stdout);
    }

    /** The resolved configuration: {@link FapConfig#load()} (or the test's source) plus {@code --data-dir}. */
    FapConfig config() {
        FapConfig config = configSource.get();
        return dataDir == null ? config : config.withDataDir(dataDir);
    }

    /** Opens the configured database, telling the user where it is. */
    Database openDatabase() {
        FapConfig config = config();
        if (verbose) {
            stderr.println("fap: " + config);
        }
        return Database.open(config);
    }

    /** Tells the user that a temporary embedded cluster starts empty and is thrown away. */
    void warnIfTemporary(Database db) {
        if (db.isEmbedded()) {
            warnIfTemporary(config());
        }
    }

    /** Tells the user that a temporary embedded cluster starts empty and is thrown away. */
    void warnIfTemporary(FapConfig config) {
        if (config.isEmbedded() && config.dataDir().isEmpty()) {
            stderr.println("fap: note: this is a temporary embedded database, empty and removed on exit; pass --data-dir"
                    + " (or set FAP_DATA_DIR) to work on the cluster a previous run kept");
        }
    }

    Path outDir() {
        return out;
    }

    boolean verbose() {
        return verbose;
    }

    PrintWriter out() {
        return stdout;
    }

    PrintWriter err() {
        return stderr;
    }

    /** {@code fap --version}: the jar's Implementation-Version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = FapCli.class.getPackage().getImplementationVersion();
            return new String[] {"fap " + (v == null ? "(development build)" : v),
                    "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name")};
        }
    }
}
