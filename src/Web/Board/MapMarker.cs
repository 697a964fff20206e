using System.Globalization;
using Microsoft.Extensions.Localization;
using MutualAid.Board;
using MutualAid.Offers;
using MutualAid.Requests;
using MutualAid.Web.Localization;

namespace MutualAid.Web.Board;

/// <summary>
/// One point on a hub map, as sent to the browser. Built only from summaries, whose locations are
/// already snapped to the display grid, so the exact address cannot reach the page by this path.
/// </summary>
public sealed record MapMarker(string Id, string Kind, double Lat, double Lng, string Urgency, string Label, string Category, string Area)
{
    public const string Request = "request";
    public const string Volunteer = "volunteer";
    public const string Offer = "offer";

    /// <summary>Open requests, open offers and volunteers that have a location: requests first (most urgent first), then offers, then volunteers.</summary>
    /// <param name="text">The interface text (UiText), so labels and areas read in the viewer's language.</param>
    public static IReadOnlyList<MapMarker> From(BoardSnapshot board, IStringLocalizer<UiText> text)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(text);
        var requests = board.Requests
            .Where(r => RequestLifecycle.IsOpen(r.Status) && r.ApproximateLocation is not null)
            .OrderBy(r => r.Urgency).ThenBy(r => r.ReferenceCode, StringComparer.Ordinal)
            .Select(r => new MapMarker(r.Id.ToString(), Request, r.ApproximateLocation!.Latitude, r.ApproximateLocation.Longitude,
                r.Urgency.ToString(), string.Format(CultureInfo.CurrentCulture, text["Map.RequestLabel"], text[$"Urgency.{r.Urgency}"], text[$"RequestCategory.{r.Category}"], text.Area(r.Area), r.ReferenceCode),
                text[$"RequestCategory.{r.Category}"], text.Area(r.Area)));
        var volunteers = board.Volunteers
            .Where(v => v.ApproximateLocation is not null)
            .OrderBy(v => v.Name, StringComparer.CurrentCulture)
            .Select(v => new MapMarker(v.Id.ToString(), Volunteer, v.ApproximateLocation!.Latitude, v.ApproximateLocation.Longitude,
                "", $"{text["Map.Volunteer"]}: {v.Name}" + (v.OnDuty ? "" : $" ({text["Map.OffDuty"]})"), "", v.Name));
        var offers = board.Offers
            .Where(o => o.Status == OfferStatus.Open && o.ApproximateLocation is not null)
            .OrderBy(o => o.Category).ThenBy(o => o.CreatedAt)
            .Select(o => new MapMarker(o.Id.ToString(), Offer, o.ApproximateLocation!.Latitude, o.ApproximateLocation.Longitude,
                "", string.Format(CultureInfo.CurrentCulture, text["Map.OfferLabel"], text[$"RequestCategory.{o.Category}"], o.Description, o.Area),
                text[$"RequestCategory.{o.Category}"], o.Area ?? ""));
        return [.. requests, .. offers, .. volunteers];
    }
}
