package io.contrail.sql.impl.connector;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.query.Predicates;
import io.contrail.jet.core.ProcessorSupplier;
import io.contrail.jet.function.FunctionEx;
import io.contrail.jet.processor.SinkProcessors;
import io.contrail.jet.processor.SourceProcessors;
import io.contrail.sql.SqlErrorCode;
import io.contrail.sql.SqlException;
import io.contrail.sql.impl.catalog.Mapping;
import io.contrail.sql.impl.catalog.MappingColumn;

import java.util.List;
import java.util.Map;

/**
 * IMap mappings: reads every entry (one non-cooperative reader per cooperative thread, each
 * reading its share of the partitions) and writes entries with {@code IMap.put} semantics
 * (SINK INTO and INSERT INTO both overwrite), two-phase under exactly-once. The map is named as
 * the mapping; {@link IMapRowCodec} turns entries into rows and back, {@link IMapColumnInference}
 * finds the columns of a mapping declared without any.
 */
final class IMapSqlConnector implements SqlConnector {

    static final IMapSqlConnector INSTANCE = new IMapSqlConnector();

    private IMapSqlConnector() {
    }

    @Override
    public void validate(Mapping mapping) {
        IMapRowCodec.of(mapping);
    }

    @Override
    public List<MappingColumn> inferColumns(String mappingName, Map<String, String> options, HazelcastInstance hz) {
        return IMapColumnInference.infer(mappingName, options, hz.getMap(mappingName));
    }

    @Override
    public ProcessorSupplier reader(Mapping mapping) {
        IMapRowCodec codec = IMapRowCodec.of(mapping);
        FunctionEx<Map.Entry<Object, Object>, Object[]> toRow = e -> codec.toRow(e.getKey(), e.getValue());
        return SourceProcessors.readMap(mapping.name(), Predicates.alwaysTrue(), toRow);
    }

    @Override
    public ProcessorSupplier writer(Mapping mapping) {
        IMapRowCodec codec = IMapRowCodec.of(mapping);
        if (!codec.hasKeyColumn()) {
            throw new SqlException(SqlErrorCode.INVALID_QUERY, "IMap mapping '" + mapping.name() + "' has no column"
                    + " for the key (EXTERNAL NAME __key or __key.field), so rows cannot be written to it");
        }
        String name = mapping.name();
        FunctionEx<Object[], Object> keyFn = row -> requirePart(codec.key(row), name, "key");
        FunctionEx<Object[], Object> valueFn = row -> requirePart(codec.value(row), name, "value");
        return SinkProcessors.writeMap(name, keyFn, valueFn);
    }

    private static Object requirePart(Object part, String mapping, String what) {
        if (part == null) {
            throw new SqlException(SqlErrorCode.DATA_CONVERSION_ERROR, "A row written to IMap mapping '" + mapping
                    + "' has a NULL " + what + "; an IMap entry needs a " + what);
        }
        return part;
    }
}
