namespace MutualAid.Common;

[GenerateSerializer, Immutable, Alias("MutualAid.FieldError")]
public sealed record FieldError([property: Id(0)] string Field, [property: Id(1)] string Message);
