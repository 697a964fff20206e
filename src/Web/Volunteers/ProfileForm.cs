using System.Globalization;
using Microsoft.AspNetCore.Http;
using MutualAid.Common;
using MutualAid.Requests;
using MutualAid.Volunteers;

namespace MutualAid.Web.Volunteers;

/// <summary>
/// The own-profile form as posted by a plain HTML form (no script): every value is text until it
/// is checked here, so a wrong number is a field error, not an exception. Problems are error codes
/// per field ("Profile.Error.{code}"), said in the reader's language by the page.
/// </summary>
public sealed class ProfileForm
{
    /// <summary>Rows shown for availability: the windows they have plus this many empty ones to add.</summary>
    public const int EmptyWindowRows = 2;

    public string Name { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Email { get; set; } = "";
    public string Skills { get; set; } = "";
    public string Languages { get; set; } = "";
    public List<string> CanHelpWith { get; set; } = [];
    public bool HasVehicle { get; set; }
    public List<string> NotifyBy { get; set; } = [];
    public bool OnDuty { get; set; }
    public string MaxConcurrentAssignments { get; set; } = "";
    public string MaxHoursPerWeek { get; set; } = "";
    public string RestAfterHoursInADay { get; set; } = "";
    public string Latitude { get; set; } = "";
    public string Longitude { get; set; } = "";
    public List<WindowRow> Windows { get; set; } = [];

    public sealed record WindowRow(string Day, string From, string To);

    /// <param name="accountEmail">
    /// The signed-in account's email, offered when the profile has none: choosing email with no
    /// address is refused, and it is most often the address they would type.
    /// </param>
    public static ProfileForm From(VolunteerView view, string? accountEmail = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var p = view.Profile;
        var inv = CultureInfo.InvariantCulture;
        return new ProfileForm
        {
            Name = p.Name,
            Phone = p.Contact?.Phone ?? "",
            Email = p.Contact?.Email ?? accountEmail ?? "",
            Skills = string.Join(", ", p.Skills),
            Languages = string.Join(", ", p.Languages),
            CanHelpWith = p.CanHelpWith.Select(c => c.ToString()).ToList(),
            HasVehicle = p.HasVehicle,
            NotifyBy = p.NotifyBy.Select(c => c.ToString()).ToList(),
            OnDuty = view.OnDuty,
            MaxConcurrentAssignments = p.MaxConcurrentAssignments.ToString(inv),
            MaxHoursPerWeek = p.MaxHoursPerWeek.ToString(inv),
            RestAfterHoursInADay = p.RestAfterHoursInADay.ToString(inv),
            Latitude = p.Location?.Latitude.ToString(inv) ?? "",
            Longitude = p.Location?.Longitude.ToString(inv) ?? "",
            Windows = p.Availability.Select(w => new WindowRow(w.Day.ToString(), w.From.ToString("HH:mm", inv), w.To.ToString("HH:mm", inv))).ToList(),
        };
    }

    public static ProfileForm Read(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        string One(string key) => form[key].ToString().Trim();
        var windows = new List<WindowRow>();
        for (var i = 0; i < VolunteerProfile.MaxWindows + EmptyWindowRows && form.ContainsKey($"Day{i}"); i++)
        {
            windows.Add(new WindowRow(One($"Day{i}"), One($"From{i}"), One($"To{i}")));
        }

        return new ProfileForm
        {
            Name = One("Name"),
            Phone = One("Phone"),
            Email = One("Email"),
            Skills = One("Skills"),
            Languages = One("Languages"),
            CanHelpWith = form["CanHelpWith"].Where(v => v is not null).Select(v => v!).ToList(),
            HasVehicle = form.ContainsKey("HasVehicle"),
            NotifyBy = form["NotifyBy"].Where(v => v is not null).Select(v => v!).ToList(),
            OnDuty = form.ContainsKey("OnDuty"),
            MaxConcurrentAssignments = One("MaxConcurrentAssignments"),
            MaxHoursPerWeek = One("MaxHoursPerWeek"),
            RestAfterHoursInADay = One("RestAfterHoursInADay"),
            Latitude = One("Latitude"),
            Longitude = One("Longitude"),
            Windows = windows,
        };
    }

    /// <summary>The profile the form describes, or the problems per field (field → error code).</summary>
    public VolunteerProfile? ToProfile(Dictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var categories = new List<RequestCategory>();
        foreach (var c in CanHelpWith)
        {
            if (Enum.TryParse<RequestCategory>(c, ignoreCase: false, out var category) && Enum.IsDefined(category)) categories.Add(category);
            else errors[nameof(CanHelpWith)] = "UnknownCategory";
        }

        var notifyBy = new List<MutualAid.Notifications.Channel>();
        foreach (var c in NotifyBy)
        {
            if (Enum.TryParse<MutualAid.Notifications.Channel>(c, ignoreCase: false, out var channel) && channel is MutualAid.Notifications.Channel.Sms or MutualAid.Notifications.Channel.Email) notifyBy.Add(channel);
            else errors[nameof(NotifyBy)] = "UnknownChannel";
        }

        var max = Number(nameof(MaxConcurrentAssignments), MaxConcurrentAssignments, errors, whole: true);
        var hours = Number(nameof(MaxHoursPerWeek), MaxHoursPerWeek, errors);
        var rest = Number(nameof(RestAfterHoursInADay), RestAfterHoursInADay, errors);
        GeoPoint? location = null;
        if (Latitude.Length > 0 || Longitude.Length > 0)
        {
            var lat = Number(nameof(Latitude), Latitude, errors);
            var lon = Number(nameof(Longitude), Longitude, errors);
            if (lat is { } a && lon is { } b) location = new GeoPoint(a, b);
        }

        var windows = new List<AvailabilityWindow>();
        for (var i = 0; i < Windows.Count; i++)
        {
            var row = Windows[i];
            if (row.Day.Length == 0 && row.From.Length == 0 && row.To.Length == 0) continue; // an empty row to add one
            if (!Enum.TryParse<DayOfWeek>(row.Day, ignoreCase: false, out var day) || !Enum.IsDefined(day)
                || !TimeOnly.TryParseExact(row.From, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                || !TimeOnly.TryParseExact(row.To, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
            {
                errors[$"Window{i}"] = "WindowIncomplete";
                continue;
            }

            if (to <= from) errors[$"Window{i}"] = "WindowOrder";
            else windows.Add(new AvailabilityWindow(day, from, to));
        }

        if (errors.Count > 0) return null;
        return new VolunteerProfile(Name, [], categories.Distinct().ToArray(), Tags(Languages), HasVehicle, (int)max!.Value, hours!.Value)
        {
            Skills = Tags(Skills),
            Availability = windows,
            Contact = Phone.Length == 0 && Email.Length == 0 ? null : new ContactDetails(Name, Phone.Length == 0 ? null : Phone, Email.Length == 0 ? null : Email, null),
            RestAfterHoursInADay = rest!.Value,
            Location = location,
            NotifyBy = notifyBy.Distinct().ToArray(),
        };
    }

    private static string[] Tags(string text) =>
        text.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Numbers as typed: a dot or the reader's decimal separator.</summary>
    private static double? Number(string field, string text, Dictionary<string, string> errors, bool whole = false)
    {
        if (text.Length == 0)
        {
            errors[field] = "Required";
            return null;
        }

        if ((double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
             || double.TryParse(text, NumberStyles.Float, CultureInfo.CurrentCulture, out value)) && double.IsFinite(value)
            && (!whole || value == Math.Floor(value)))
        {
            return value;
        }

        errors[field] = whole ? "NotAWholeNumber" : "NotANumber";
        return null;
    }
}
