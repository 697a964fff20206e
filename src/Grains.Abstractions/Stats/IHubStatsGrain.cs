using MutualAid.Offers;
using MutualAid.Requests;

namespace MutualAid.Stats;

/// <summary>
/// A hub's figures over time (key: the hub's slug), week by week for about two years, and its
/// needs survey. The hub grain tells it, one way and after its own write, of each change it took;
/// it calls no other grain, so anything may ask it and no call can come back round.
/// </summary>
[Alias("MutualAid.IHubStatsGrain")]
public interface IHubStatsGrain : IGrainWithStringKey
{
    /// <summary>The request changes one hub write kept, in the order the hub took them.</summary>
    [OneWay, Alias("RequestsChanged")] Task RequestsChanged(IReadOnlyList<RequestCounted> changes);

    [OneWay, Alias("OfferChanged")] Task OfferChanged(OfferSummary offer);

    /// <summary>The kept weeks, oldest first.</summary>
    [Alias("GetWeeks")] Task<IReadOnlyList<StatsWeek>> GetWeeks();

    [Alias("GetSurvey")] Task<SurveyView> GetSurvey();

    /// <summary>A coordinator opens or closes the needs survey (the caller checks who may).</summary>
    [Alias("SetSurveyOpen")] Task<SurveyView> SetSurveyOpen(bool open);

    /// <summary>Counts one answer into this week; refused while the survey is closed. The same answer id twice counts once.</summary>
    [Alias("Answer")] Task<Result<SurveyView>> Answer(SurveyAnswer answer);
}
