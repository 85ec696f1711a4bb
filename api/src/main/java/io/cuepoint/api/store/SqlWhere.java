package io.cuepoint.api.store;

import io.micronaut.core.annotation.Nullable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a query's optional filters with their parameters, so that values never become SQL text. The event
 * queries (one video's events, the cross-video search) share their filters through it.
 */
public final class SqlWhere {
    private final StringBuilder sql;
    private final List<Object> params = new ArrayList<>();

    /** @param head the query up to and including its first condition, such as {@code SELECT … WHERE video_id = ?} */
    public SqlWhere(String head, Object... headParams) {
        this.sql = new StringBuilder(head);
        params.addAll(List.of(headParams));
    }

    /** {@code AND <condition>} with its parameters. */
    public SqlWhere and(String condition, Object... values) {
        sql.append(" AND ").append(condition);
        params.addAll(List.of(values));
        return this;
    }

    /**
     * {@code column = ?} for one value (so the planner can use an index), {@code = ANY (?)} for several. No values
     * match nothing: a caller for whom an empty list means "any" leaves the filter out.
     */
    public SqlWhere in(String column, List<String> values) {
        if (values.size() == 1) {
            return and(column + " = ?", values.get(0));
        }
        return and(column + " = ANY (?)", (Object) values.toArray(String[]::new));
    }

    /** {@link #in} unless {@code values} is empty, which means any value. */
    public SqlWhere inUnlessEmpty(String column, List<String> values) {
        return values.isEmpty() ? this : in(column, values);
    }

    /** Events that overlap {@code [fromMs, toMs]} and are at least {@code minConfidence} sure; null bounds are open. */
    public SqlWhere window(String alias, @Nullable Long fromMs, @Nullable Long toMs, @Nullable Double minConfidence) {
        if (fromMs != null) {
            and(alias + "end_ms >= ?", fromMs);
        }
        if (toMs != null) {
            and(alias + "start_ms <= ?", toMs);
        }
        if (minConfidence != null) {
            and(alias + "confidence >= ?", minConfidence);
        }
        return this;
    }

    /** Appends the rest of the statement (ordering, limit) and prepares it with every parameter bound. */
    public PreparedStatement prepare(Connection c, String tail, Object... tailParams) throws SQLException {
        sql.append(tail);
        params.addAll(List.of(tailParams));
        var ps = c.prepareStatement(sql.toString());
        try {
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof String[] array) {
                    ps.setArray(i + 1, c.createArrayOf("text", array));
                } else {
                    ps.setObject(i + 1, p);
                }
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }
}
