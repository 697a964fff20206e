namespace MutualAid.Common;

/// <summary>The English template of a <see cref="Reason"/>: the one wording its translations follow.</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class EnglishAttribute(string template) : Attribute
{
    public string Template { get; } = template;
}
