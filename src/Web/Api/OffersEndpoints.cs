using MutualAid.Common;
using MutualAid.Offers;
using MutualAid.Requests;
using MutualAid.Web.Accounts;
using MutualAid.Web.Board;

namespace MutualAid.Web.Api;

/// <summary>A hub's offers as its board shows them (no contact details).</summary>
public static class OffersEndpoints
{
    public static void MapOffers(this RouteGroupBuilder api)
    {
        api.Tagged("Offers").MapGet("/hubs/{hub}/offers", List).Produces<Paged<OfferSummary>>()
            .Describe("List a hub's offers, filtered by status and category", 404, 422);
    }

    public static Task<IResult> List(HttpContext http, string hub, string[]? status, string[]? category, int? page, int? pageSize, BoardService board, CurrentUser user)
    {
        var errors = new List<FieldError>();
        var statuses = Paging.Parse<OfferStatus>("status", status, errors);
        var categories = Paging.Parse<RequestCategory>("category", category, errors);
        return Paging.FromBoard(http, user, board, hub, page, pageSize, errors, snapshot => snapshot.Offers
            .Where(o => statuses is null || statuses.Contains(o.Status))
            .Where(o => categories is null || categories.Contains(o.Category))
            .OrderByDescending(o => o.CreatedAt).ThenBy(o => o.Id));
    }
}
