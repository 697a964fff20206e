using Microsoft.AspNetCore.Components;
using MutualAid.Requests;

namespace MutualAid.Web.Layout;

/// <summary>Everyone holding a job, each name a link to their page, joined as a pair is named ("Vic Okafor & Wen Li").</summary>
public static class VolunteerNames
{
    /// <summary>
    /// The names as plain markup, for lists that show them on every row (the board): inline in the
    /// row's render tree it costs no component per row in every open tab. "—" when nobody holds it.
    /// </summary>
    /// <param name="after">What follows each name (the dispatch dialog: that person's answer); nothing when null.</param>
    /// <param name="linkTestId">A test id on each name's link.</param>
    public static RenderFragment Of(IReadOnlyList<Assignee> people, Func<Assignee, string>? after = null, string? linkTestId = null) => builder =>
    {
        ArgumentNullException.ThrowIfNull(people);
        if (people.Count == 0)
        {
            builder.AddContent(0, "—");
            return;
        }

        for (var i = 0; i < people.Count; i++)
        {
            if (i > 0) builder.AddContent(1, " & ");
            builder.OpenElement(2, "a");
            builder.AddAttribute(3, "href", $"/volunteers/{people[i].VolunteerId}");
            if (linkTestId is not null) builder.AddAttribute(4, "data-testid", linkTestId);
            builder.AddContent(5, people[i].Name);
            builder.CloseElement();
            if (after is not null) builder.AddContent(6, after(people[i]));
        }
    };
}
