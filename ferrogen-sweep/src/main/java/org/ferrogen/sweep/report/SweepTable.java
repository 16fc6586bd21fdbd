package org.ferrogen.sweep.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.ferrogen.sweep.spark.SweepRunner;
import org.ferrogen.sweep.spark.SweepSchema;

/**
 * A sweep's output read back with a plain Parquet reader (no Spark session: a report starts in a
 * second): the axes and metrics from {@code sweep.json}, one map per point from {@code
 * points.parquet}, first occurrence of each point id.
 *
 * @param workload workload name
 * @param axes grid axis paths in spec order
 * @param metrics metric columns
 * @param rows one row per point, column name to value (Long, Double, Boolean, String or null)
 */
public record SweepTable(String workload, List<String> axes, List<String> metrics, List<Map<String, Object>> rows) {

  public static SweepTable read(Path dir) throws IOException {
    Path identity = dir.resolve(SweepRunner.IDENTITY);
    Path dataset = dir.resolve(SweepRunner.PARQUET);
    if (!Files.isRegularFile(identity) || !Files.isDirectory(dataset)) {
      throw new IllegalArgumentException(dir + " is not the output folder of `sweep run` (no "
          + SweepRunner.IDENTITY + " or " + SweepRunner.PARQUET + ")");
    }
    JsonNode id = new ObjectMapper().readTree(identity.toFile());
    List<String> axes = new ArrayList<>();
    id.get("axes").forEach(a -> axes.add(a.get("path").asText()));
    List<String> metrics = new ArrayList<>();
    id.get("metrics").forEach(m -> metrics.add(m.asText()));
    Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
    List<Path> parts;
    try (Stream<Path> s = Files.list(dataset)) {
      parts = s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
    }
    for (Path part : parts) {
      try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(),
          new org.apache.hadoop.fs.Path(part.toUri())).withConf(new Configuration()).build()) {
        for (Group g = reader.read(); g != null; g = reader.read()) {
          Map<String, Object> row = row(g);
          byId.putIfAbsent((String) row.get(SweepSchema.POINT_ID), row);
        }
      }
    }
    return new SweepTable(id.get("workload").asText(), axes, metrics, new ArrayList<>(byId.values()));
  }

  private static Map<String, Object> row(Group g) {
    Map<String, Object> row = new LinkedHashMap<>();
    List<Type> fields = g.getType().getFields();
    for (int i = 0; i < fields.size(); i++) {
      String name = fields.get(i).getName();
      if (g.getFieldRepetitionCount(i) == 0) {
        row.put(name, null);
        continue;
      }
      PrimitiveType.PrimitiveTypeName t = fields.get(i).asPrimitiveType().getPrimitiveTypeName();
      row.put(name, switch (t) {
        case INT64 -> g.getLong(i, 0);
        case INT32 -> g.getInteger(i, 0);
        case DOUBLE -> g.getDouble(i, 0);
        case BOOLEAN -> g.getBoolean(i, 0);
        default -> g.getString(i, 0);
      });
    }
    return row;
  }

  /** Rows whose status is ok. */
  public List<Map<String, Object>> okRows() {
    return rows.stream().filter(r -> SweepSchema.OK.equals(r.get(SweepSchema.STATUS))).toList();
  }
}
