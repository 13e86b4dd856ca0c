package dev.fap.core;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Least-privilege roles of the warehouse, created by {@link Database#open}.
 *
 * <ul>
 *   <li>{@value #LOADER}: writes bronze, reads nothing else;</li>
 *   <li>{@value #TRANSFORMER}: reads bronze, writes silver, gold and the run metadata;</li>
 *   <li>{@value #ANALYST}: reads gold only (no PII can reach it: SSNs stay in bronze).</li>
 * </ul>
 * The roles are {@code NOLOGIN} groups: grant them to login users, e.g.
 * {@code grant fap_analyst to alice}. FAP itself connects as the configured user and needs the
 * privilege to create schemas; it can {@code SET ROLE} to these to prove the separation.
 *
 * <pre>{@code
 * db.dsl().execute("grant " + Roles.ANALYST + " to bi_tool");
 * }</pre>
 */
public final class Roles {
    public static final String LOADER = "fap_loader";
    public static final String TRANSFORMER = "fap_transformer";
    public static final String ANALYST = "fap_analyst";

    private Roles() {}

    /** Creates the roles and grants on {@code s}'s connection (inside the caller's transaction). */
    static void ensure(Statement s) throws SQLException {
        List<String> sql = List.of(
                createRole(LOADER), createRole(TRANSFORMER), createRole(ANALYST),
                "grant usage, create on schema bronze to " + LOADER,
                "grant select, insert, update, delete, truncate on all tables in schema bronze to " + LOADER,
                "alter default privileges in schema bronze grant select, insert, update, delete, truncate on tables to " + LOADER,
                "grant usage on schema bronze to " + TRANSFORMER,
                "grant select on all tables in schema bronze to " + TRANSFORMER,
                "alter default privileges in schema bronze grant select on tables to " + TRANSFORMER,
                "grant usage, create on schema silver, gold, fap_meta to " + TRANSFORMER,
                "grant all on all tables in schema silver, gold, fap_meta to " + TRANSFORMER,
                "alter default privileges in schema silver grant all on tables to " + TRANSFORMER,
                "alter default privileges in schema gold grant all on tables to " + TRANSFORMER,
                "alter default privileges in schema fap_meta grant all on tables to " + TRANSFORMER,
                "grant usage on schema gold to " + ANALYST,
                "grant select on all tables in schema gold to " + ANALYST,
                "alter default privileges in schema gold grant select on tables to " + ANALYST,
                "revoke all on schema bronze, silver, fap_meta from " + ANALYST);
        if (!mayCreateRoles(s)) {
            return; // a restricted user: the DBA manages roles
        }
        for (String stmt : sql) {
            s.execute(stmt);
        }
    }

    private static boolean mayCreateRoles(Statement s) throws SQLException {
        try (var rs = s.executeQuery("select rolsuper or rolcreaterole from pg_roles where rolname = current_user")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static String createRole(String name) {
        // CREATE ROLE has no IF NOT EXISTS. Roles are cluster-wide, so openers of two databases may race:
        // the loser sees duplicate_object, or unique_violation if it waited on the winner's insert.
        return "do $$ begin create role " + name + " nologin; "
                + "exception when duplicate_object or unique_violation then null; end $$";
    }
}
