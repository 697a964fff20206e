using MutualAid.Requests;

namespace MutualAid.Stats;

/// <summary>
/// One hub's (or a region's summed) figures for one ISO week (Monday, UTC). Counts only, by
/// category and urgency: nothing in it names a person or a place finer than the hub, so the public
/// page may show all of it. Times to assign and deliver are kept as counts per bucket
/// (<see cref="StatsBuckets"/>), so a median costs a dozen numbers a week, not every value forever.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.StatsWeek")]
public sealed record StatsWeek([property: Id(0)] DateOnly WeekStarting)
{
    /// <summary>How many weeks a hub keeps: two years, enough for this year against last.</summary>
    public const int KeptWeeks = 104;

    /// <summary>Requests that came to the hub this week, by category.</summary>
    [Id(1)] public IReadOnlyDictionary<RequestCategory, int> Created { get; init; } = new Dictionary<RequestCategory, int>();

    [Id(2)] public IReadOnlyDictionary<Urgency, int> CreatedByUrgency { get; init; } = new Dictionary<Urgency, int>();

    /// <summary>Requests first given to a volunteer this week.</summary>
    [Id(3)] public int Assigned { get; init; }

    /// <summary>Requests delivered (fulfilled) this week, by category: the needs met.</summary>
    [Id(4)] public IReadOnlyDictionary<RequestCategory, int> Delivered { get; init; } = new Dictionary<RequestCategory, int>();

    [Id(5)] public int Cancelled { get; init; }

    /// <summary>From asking to a first volunteer, per bucket of <see cref="StatsBuckets.UpperBounds"/>.</summary>
    [Id(6)] public IReadOnlyList<int> AssignTimes { get; init; } = [];

    /// <summary>From asking to delivery, per bucket of <see cref="StatsBuckets.UpperBounds"/>.</summary>
    [Id(7)] public IReadOnlyList<int> DeliverTimes { get; init; } = [];

    [Id(8)] public double HoursGiven { get; init; }

    /// <summary>Offers of help entered this week, by the category of need they meet.</summary>
    [Id(9)] public IReadOnlyDictionary<RequestCategory, int> Offers { get; init; } = new Dictionary<RequestCategory, int>();

    /// <summary>Needs survey answers: what people said they need most.</summary>
    [Id(10)] public IReadOnlyDictionary<RequestCategory, int> Reported { get; init; } = new Dictionary<RequestCategory, int>();

    [Id(11)] public int SurveyAnswers { get; init; }

    /// <summary>People in the households of the survey answers that said.</summary>
    [Id(12)] public int HouseholdPeople { get; init; }

    /// <summary>
    /// Of <see cref="Created"/>, the requests another hub passed to this one: a hub counts what came to
    /// it, but a region (or the network) must count each request once, where it was first asked.
    /// </summary>
    [Id(13)] public IReadOnlyDictionary<RequestCategory, int> PassedIn { get; init; } = new Dictionary<RequestCategory, int>();

    [Id(14)] public IReadOnlyDictionary<Urgency, int> PassedInByUrgency { get; init; } = new Dictionary<Urgency, int>();

    public int CreatedTotal => Created.Values.Sum();

    public int DeliveredTotal => Delivered.Values.Sum();

    public int OffersTotal => Offers.Values.Sum();

    /// <summary>The week (Monday, UTC) holding <paramref name="at"/>.</summary>
    public static DateOnly WeekOf(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    /// <summary>The month a week counts in: the month of its Thursday, as ISO weeks count in years.</summary>
    public static DateOnly MonthOf(DateOnly weekStarting)
    {
        var thursday = weekStarting.AddDays(3);
        return new DateOnly(thursday.Year, thursday.Month, 1);
    }

    /// <summary>Weeks added together (several hubs' same week, or a month's weeks), labelled <paramref name="label"/>.</summary>
    public static StatsWeek Sum(DateOnly label, IEnumerable<StatsWeek> weeks)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        var sum = new StatsWeek(label);
        foreach (var w in weeks)
        {
            sum = sum with
            {
                Created = Add(sum.Created, w.Created),
                CreatedByUrgency = Add(sum.CreatedByUrgency, w.CreatedByUrgency),
                Assigned = sum.Assigned + w.Assigned,
                Delivered = Add(sum.Delivered, w.Delivered),
                Cancelled = sum.Cancelled + w.Cancelled,
                AssignTimes = StatsBuckets.Add(sum.AssignTimes, w.AssignTimes),
                DeliverTimes = StatsBuckets.Add(sum.DeliverTimes, w.DeliverTimes),
                HoursGiven = sum.HoursGiven + w.HoursGiven,
                Offers = Add(sum.Offers, w.Offers),
                Reported = Add(sum.Reported, w.Reported),
                SurveyAnswers = sum.SurveyAnswers + w.SurveyAnswers,
                HouseholdPeople = sum.HouseholdPeople + w.HouseholdPeople,
                PassedIn = Add(sum.PassedIn, w.PassedIn),
                PassedInByUrgency = Add(sum.PassedInByUrgency, w.PassedInByUrgency),
            };
        }

        return sum;
    }

    /// <summary>Weeks merged by their date (a region's hubs), oldest first.</summary>
    public static IReadOnlyList<StatsWeek> Merge(IEnumerable<IEnumerable<StatsWeek>> series) =>
        [.. series.SelectMany(s => s).GroupBy(w => w.WeekStarting).OrderBy(g => g.Key).Select(g => Sum(g.Key, g))];

    /// <summary>
    /// Several hubs' weeks counted as one place: a request passed between them was asked once, so it
    /// counts once, in the week and hub it was first asked in. One passed in from outside counts where
    /// it was first asked too, so a sum never counts a request twice.
    /// </summary>
    public static IReadOnlyList<StatsWeek> MergeAsOne(IEnumerable<IEnumerable<StatsWeek>> series) =>
        [.. Merge(series).Select(w => w with
        {
            Created = Subtract(w.Created, w.PassedIn),
            CreatedByUrgency = Subtract(w.CreatedByUrgency, w.PassedInByUrgency),
            PassedIn = new Dictionary<RequestCategory, int>(),
            PassedInByUrgency = new Dictionary<Urgency, int>(),
        })];

    /// <summary>Weeks summed into months (labelled by their first day), oldest first.</summary>
    public static IReadOnlyList<StatsWeek> Months(IEnumerable<StatsWeek> weeks) =>
        [.. weeks.GroupBy(w => MonthOf(w.WeekStarting)).OrderBy(g => g.Key).Select(g => Sum(g.Key, g))];

    public static IReadOnlyDictionary<TKey, int> Plus<TKey>(IReadOnlyDictionary<TKey, int> counts, TKey key, int n = 1) where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(counts);
        var copy = new Dictionary<TKey, int>(counts);
        copy[key] = copy.GetValueOrDefault(key) + n;
        return copy;
    }

    private static Dictionary<TKey, int> Subtract<TKey>(IReadOnlyDictionary<TKey, int> a, IReadOnlyDictionary<TKey, int> b) where TKey : notnull
    {
        var rest = new Dictionary<TKey, int>(a);
        foreach (var (key, n) in b)
        {
            var left = rest.GetValueOrDefault(key) - n;
            if (left > 0) rest[key] = left;
            else rest.Remove(key);
        }

        return rest;
    }

    private static Dictionary<TKey, int> Add<TKey>(IReadOnlyDictionary<TKey, int> a, IReadOnlyDictionary<TKey, int> b) where TKey : notnull
    {
        var sum = new Dictionary<TKey, int>(a);
        foreach (var (key, n) in b) sum[key] = sum.GetValueOrDefault(key) + n;
        return sum;
    }
}
