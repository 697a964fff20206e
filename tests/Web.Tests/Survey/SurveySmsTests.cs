using MutualAid.Stats;
using MutualAid.Web.Tests.Notifications;

namespace MutualAid.Web.Tests.Survey;

/// <summary>NEED / NECESITO to a hub's number answers its needs survey, through Twilio's signed webhook.</summary>
public sealed class SurveySmsTests(ChannelsFixture app) : IClassFixture<ChannelsFixture>
{
    private IGrainFactory Grains => app.Factory.Grains;

    private static string Phone() => "+1555" + Random.Shared.Next(1000000, 9999999).ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task NEED_counts_one_answer_by_the_need_it_names_and_says_so_in_the_texts_language()
    {
        var hub = await Seed.Hub(Grains);
        var number = Phone();
        var grain = Grains.GetGrain<IHubGrain>(hub);
        Assert.True((await grain.Configure((await grain.GetSettings())! with { SmsNumber = number }, Seed.Sam)).IsOk);
        var from = Phone();

        var (_, closed) = await app.Text(from, number, "NEED food");
        Assert.Contains("not running a needs survey", closed, StringComparison.Ordinal);

        await Grains.GetGrain<IHubStatsGrain>(hub).SetSurveyOpen(true);
        var sid = "SM" + Guid.NewGuid().ToString("N");
        var (status, counted) = await app.Text(from, number, "Necesito medicinas, somos 4", messageSid: sid);
        await app.Text(from, number, "Necesito medicinas, somos 4", messageSid: sid); // Twilio posting it again
        var (_, english) = await app.Text(Phone(), number, "need: food please");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("hemos contado tu respuesta", counted, StringComparison.Ordinal);
        Assert.Contains("your answer is counted", english, StringComparison.Ordinal);
        var week = Assert.Single(await Grains.GetGrain<IHubStatsGrain>(hub).GetWeeks());
        Assert.Equal(1, week.Reported[RequestCategory.Medicine]);
        Assert.Equal(1, week.Reported[RequestCategory.Food]);
        Assert.Equal(4, week.HouseholdPeople);
        var survey = await Grains.GetGrain<IHubStatsGrain>(hub).GetSurvey();
        Assert.Equal(2, survey.Answers);
        Assert.DoesNotContain(survey.Comments, c => c.Text.Contains(from, StringComparison.Ordinal));
        // No request was opened: a survey answer is not a call for help.
        Assert.Empty((await grain.GetSnapshot()).Requests);
    }
}
