namespace MutualAid.Common;

/// <summary>Shared field checks so every command reports text problems the same way.</summary>
public static class Text
{
    public static void Require(List<FieldError> errors, string field, string? value, int max, string missing)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(new(field, missing));
        else if (value.Length > max) errors.Add(new(field, $"Keep it under {max} characters."));
    }

    public static void Optional(List<FieldError> errors, string field, string? value, int max)
    {
        if (value is not null && value.Length > max) errors.Add(new(field, $"Keep it under {max} characters."));
    }
}
