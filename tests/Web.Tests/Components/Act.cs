using Microsoft.AspNetCore.Components;

namespace MutualAid.Web.Tests.Components;

/// <summary>
/// Finds an element and fires its event in one turn of the renderer. A Radzen field can draw itself
/// again after its first render (on the renderer's thread, not the test's); an element found before
/// that and fired after it names an event handler that is gone ("no event handler with ID 8").
/// </summary>
public static class Act
{
    public static Task Change<T>(this IRenderedComponent<T> cut, string selector, string value) where T : IComponent
        => cut.InvokeAsync(() => cut.Find(selector).Change(value));

    public static Task Click<T>(this IRenderedComponent<T> cut, string selector) where T : IComponent
        => cut.InvokeAsync(() => cut.Find(selector).Click());

    /// <summary>Clicks the element <paramref name="find"/> picks (one a selector cannot name), found in the same turn.</summary>
    public static Task Click<T>(this IRenderedComponent<T> cut, Func<AngleSharp.Dom.IElement> find) where T : IComponent
        => cut.InvokeAsync(() => find().Click());

    public static Task Submit<T>(this IRenderedComponent<T> cut, string selector = "form") where T : IComponent
        => cut.InvokeAsync(() => cut.Find(selector).Submit());
}
