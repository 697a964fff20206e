namespace MutualAid.Common;

/// <summary>Expected outcomes of a command. Unexpected failures stay exceptions.</summary>
[GenerateSerializer, Alias("MutualAid.ResultStatus")]
public enum ResultStatus
{
    Ok = 0,
    /// <summary>The command itself is malformed (missing or out-of-range fields).</summary>
    Invalid = 1,
    /// <summary>The caller acted on a version that someone else has since changed.</summary>
    Conflict = 2,
    /// <summary>The command is well formed and current, but the domain rules forbid it now.</summary>
    Refused = 3,
    NotFound = 4,
}
