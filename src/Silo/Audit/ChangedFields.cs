namespace MutualAid.Silo.Audit;

/// <summary>The names of the fields an edit changed, each a phrase so the history reads in every reader's language.</summary>
public sealed class ChangedFields
{
    public List<Phrase> Names { get; } = [];

    public ChangedFields Compare<T>(Phrase field, T before, T after)
    {
        if (!EqualityComparer<T>.Default.Equals(before, after)) Names.Add(field);
        return this;
    }
}
