using MutualAid.Common;

namespace MutualAid.Web.Import;

/// <summary>One upload on the import page: the table, the column mapping the person chose, and the checked plan.</summary>
public abstract class CsvImportSession(CsvTable table)
{
    public CsvTable Table { get; } = table;

    public abstract IImportKind Kind { get; }

    public Dictionary<string, int?> Mapping { get; protected init; } = [];

    /// <summary>Rows that will be created once <see cref="Check"/> has found no error.</summary>
    public abstract int Ready { get; }

    /// <summary>Rows that are people or requests the hub already has, which <see cref="Run"/> leaves as they are.</summary>
    public abstract int AlreadyThere { get; }

    /// <param name="onHub">The keys of the people or requests the hub already has (see <see cref="RowKey"/>).</param>
    public abstract IReadOnlyList<RowError> Check(string hub, Actor actor, IReadOnlySet<string>? onHub = null, ImportWords? words = null);

    public abstract Task<ImportOutcome> Run(IGrainFactory grains, IProgress<int> progress, CancellationToken cancellationToken);

    public static CsvImportSession Start(IImportKind kind, CsvTable table) => kind switch
    {
        ImportKind<MutualAid.Volunteers.VolunteerProfile> k => new Typed<MutualAid.Volunteers.VolunteerProfile>(k, table),
        ImportKind<MutualAid.Offers.NewOffer> k => new Typed<MutualAid.Offers.NewOffer>(k, table),
        ImportKind<MutualAid.Requests.NewRequest> k => new Typed<MutualAid.Requests.NewRequest>(k, table),
        _ => throw new ArgumentException($"Unknown import '{kind?.Name}'.", nameof(kind)),
    };

    private sealed class Typed<T> : CsvImportSession
    {
        private readonly ImportKind<T> kind;
        private ImportPlan<T>? plan;

        public Typed(ImportKind<T> kind, CsvTable table) : base(table)
        {
            this.kind = kind;
            Mapping = new Dictionary<string, int?>(CsvImporter.AutoMap(kind, table.Headers));
        }

        public override IImportKind Kind => kind;

        public override int Ready => plan is { Errors.Count: 0 } p ? p.Items.Count : 0;

        public override int AlreadyThere => plan is { Errors.Count: 0 } p ? p.AlreadyThere : 0;

        public override IReadOnlyList<RowError> Check(string hub, Actor actor, IReadOnlySet<string>? onHub = null, ImportWords? words = null)
        {
            plan = CsvImporter.Plan(kind, words?.Apply(Table, kind, Mapping) ?? Table, Mapping, hub, actor, onHub);
            return plan.Errors;
        }

        public override Task<ImportOutcome> Run(IGrainFactory grains, IProgress<int> progress, CancellationToken cancellationToken) =>
            plan is { Errors.Count: 0 } p
                ? CsvImporter.Run(kind, p, grains, progress, cancellationToken)
                : throw new InvalidOperationException("Check the file first; it is only imported when every row is right.");
    }
}
