namespace MutualAid.ApiTokens;

/// <summary>What an integration's token may do at its hub: each maps to the role a person would need for it.</summary>
[GenerateSerializer, Alias("MutualAid.ApiTokenScope")]
public enum ApiTokenScope
{
    /// <summary>Read the hub's board, redacted, as a volunteer without jobs would; act on nothing.</summary>
    Read = 0,
    /// <summary>Everything a dispatcher of the hub may do, contact details included.</summary>
    Dispatch = 1,
}
