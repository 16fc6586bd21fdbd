package org.ferrogen.sweep.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.ferrogen.sweep.spec.GridAxis;
import org.ferrogen.sweep.spec.SweepSpec;

/**
 * The output table: {@code point_id, repeat, seed}, one column per grid axis (named by its path,
 * typed by its values), {@code status} ({@code ok} or {@code failed}), {@code error} (the failure's
 * message), one double column per kept metric, and {@code seconds} (the point's wall time, the one
 * column that differs between runs).
 */
public final class SweepSchema {

  public static final String POINT_ID = "point_id";
  public static final String STATUS = "status";
  public static final String ERROR = "error";
  public static final String SECONDS = "seconds";
  public static final String OK = "ok";
  public static final String FAILED = "failed";
  static final int FIXED_LEADING = 3;

  private SweepSchema() {}

  public static StructType of(SweepSpec spec) {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(POINT_ID, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField("repeat", DataTypes.IntegerType, false));
    fields.add(DataTypes.createStructField("seed", DataTypes.LongType, false));
    for (GridAxis a : spec.grid()) {
      fields.add(DataTypes.createStructField(a.path(), type(a.type()), false));
    }
    fields.add(DataTypes.createStructField(STATUS, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(ERROR, DataTypes.StringType, true));
    for (String m : spec.metrics()) {
      fields.add(DataTypes.createStructField(m, DataTypes.DoubleType, true));
    }
    fields.add(DataTypes.createStructField(SECONDS, DataTypes.DoubleType, false));
    return DataTypes.createStructType(fields);
  }

  private static DataType type(GridAxis.ValueType t) {
    return switch (t) {
      case LONG -> DataTypes.LongType;
      case DOUBLE -> DataTypes.DoubleType;
      case BOOLEAN -> DataTypes.BooleanType;
      case STRING -> DataTypes.StringType;
    };
  }
}
