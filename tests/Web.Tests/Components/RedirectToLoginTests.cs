using Microsoft.AspNetCore.Components;
using Bunit.TestDoubles;
using Microsoft.JSInterop;

namespace MutualAid.Web.Tests.Components;

/// <summary>
/// Sending someone to sign-in: by the server's redirect when there is no circuit, and from an open page
/// by the browser once the call has answered, so signing out an erased person's board is not logged as a failure.
/// </summary>
public sealed class RedirectToLoginTests
{
    private const string Login = "/account/login?returnUrl=%2Fhubs%2Fharbour";

    private static BunitContext Context()
    {
        var context = new BunitContext();
        context.Services.AddSingleton(Localization.Localized.Words);
        return context;
    }

    [Fact]
    public async Task An_open_page_leaves_through_the_browser_not_a_forced_navigation()
    {
        await using var context = Context();
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var leave = context.JSInterop.SetupModule("./js/leave.js");
        leave.SetupVoid("leaveTo", _ => true).SetVoidResult();
        var navigation = context.Services.GetRequiredService<BunitNavigationManager>();
        navigation.NavigateTo("/hubs/harbour");

        context.Render<RedirectToLogin>();

        Assert.Equal(Login, leave.VerifyInvoke("leaveTo").Arguments[0]);
        Assert.Equal("/hubs/harbour", "/" + navigation.ToBaseRelativePath(navigation.Uri));
        Assert.Single(navigation.History);
    }

    [Fact]
    public async Task A_page_whose_connection_is_gone_ends_quietly()
    {
        await using var context = Context();
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        context.JSInterop.SetupModule("./js/leave.js").SetupVoid("leaveTo", _ => true).SetException(new JSDisconnectedException("The circuit is gone."));
        context.Services.GetRequiredService<BunitNavigationManager>().NavigateTo("/hubs/harbour");

        var page = context.Render<RedirectToLogin>();

        Assert.Empty(page.Markup);
    }

    [Fact]
    public async Task A_page_served_without_a_circuit_is_redirected_by_the_server()
    {
        await using var context = Context();
        context.SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var navigation = context.Services.GetRequiredService<BunitNavigationManager>();
        navigation.NavigateTo("/hubs/harbour");

        context.Render<RedirectToLogin>();

        Assert.Equal(Login, "/" + navigation.ToBaseRelativePath(navigation.Uri));
        Assert.True(navigation.History.First().Options.ForceLoad);
        Assert.Empty(context.JSInterop.Invocations);
    }
}
