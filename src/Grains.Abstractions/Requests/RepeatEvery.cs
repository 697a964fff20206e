namespace MutualAid.Requests;

/// <summary>How often a recurring request (weekly groceries, a standing prescription) comes round.</summary>
public enum RepeatEvery
{
    Day = 0,
    Week = 1,
    Fortnight = 2,
    Month = 3,
}

public static class RepeatEveryExtensions
{
    public static DateTimeOffset After(this RepeatEvery every, DateTimeOffset from) => every switch
    {
        RepeatEvery.Day => from.AddDays(1),
        RepeatEvery.Week => from.AddDays(7),
        RepeatEvery.Fortnight => from.AddDays(14),
        RepeatEvery.Month => from.AddMonths(1),
        _ => throw new ArgumentOutOfRangeException(nameof(every)),
    };

    public static string Describe(this RepeatEvery every) => every switch
    {
        RepeatEvery.Day => "every day",
        RepeatEvery.Week => "every week",
        RepeatEvery.Fortnight => "every fortnight",
        _ => "every month",
    };
}
