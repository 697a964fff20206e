using MutualAid.Web.Accounts;
using MutualAid.Web.Board;
using MutualAid.Web.Dispatch;
using MutualAid.Web.Handover;
using MutualAid.Web.Import;
using MutualAid.Web.Intake;
using MutualAid.Web.Offers;
using MutualAid.Web.People;
using MutualAid.Web.Region;
using MutualAid.Web.Safety;
using MutualAid.Web.Volunteers;

namespace MutualAid.Web.Hosting;

public static class PageServices
{
    /// <summary>The services pages and endpoints call instead of grains: one per circuit or request, each acting for its <see cref="CurrentUser"/>.</summary>
    public static IServiceCollection AddMutualAidPageServices(this IServiceCollection services)
    {
        services.AddScoped<CurrentUser>();
        services.AddScoped<Localization.HubZones>();
        services.AddScoped<BoardService>();
        services.AddScoped<RequestReader>();
        services.AddScoped<DispatchService>();
        services.AddScoped<Arrivals.ArrivalService>();
        services.AddScoped<OfferService>();
        services.AddScoped<OfferDeskService>();
        services.AddScoped<CaseNoteService>();
        services.AddScoped<VettingService>();
        services.AddScoped<ConcernService>();
        services.AddScoped<IntakeService>();
        services.AddScoped<RegionService>();
        services.AddScoped<SharingService>();
        services.AddScoped<TimeBank.TimeBankService>();
        services.AddScoped<HandoverService>();
        services.AddScoped<ImportService>();
        services.AddScoped<ExportService>();
        services.AddScoped<PeopleService>();
        services.AddScoped<TeamService>();
        services.AddScoped<Api.ApiTokenService>();
        services.AddScoped<VolunteerService>();
        services.AddScoped<VolunteerJobService>();
        services.AddScoped<CircuitPresence>();
        services.AddScoped<Thanks.ThanksService>();
        services.AddScoped<Status.StatusLockService>();
        services.AddScoped<Shifts.ShiftService>();
        services.AddScoped<Transparency.TransparencyService>();
        services.AddScoped<Trends.TrendsService>();
        services.AddScoped<Survey.SurveyService>();
        services.AddScoped<Fund.FundService>();
        services.AddScoped<Decisions.DecisionService>();
        services.AddScoped<Notifications.OutboxService>();
        return services;
    }
}
