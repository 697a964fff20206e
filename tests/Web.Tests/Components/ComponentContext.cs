using Bunit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MutualAid.Web.Board;
using MutualAid.Web.Users;
using Radzen;

namespace MutualAid.Web.Tests.Components;

/// <summary>bUnit with the app's real grain client and board feed (a real in-process silo), not mocks.</summary>
public static class ComponentContext
{
    public static BunitContext Create(WebAppFactory factory)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        // Charts measure themselves in the browser; give them a size so they render here too.
        context.JSInterop.Setup<Radzen.Blazor.Rendering.Rect>("Radzen.createChart", _ => true)
            .SetResult(new Radzen.Blazor.Rendering.Rect { Width = 400, Height = 300 });
        context.Services.AddSingleton(factory.Grains);
        context.Services.AddSingleton(factory.Services.GetRequiredService<BoardFeed>());
        context.Services.AddSingleton(factory.Services.GetRequiredService<RegionFeed>());
        context.Services.AddSingleton(TimeProvider.System);
        context.Services.AddSingleton<IHttpContextAccessor, HttpContextAccessor>();
        context.Services.AddScoped<CurrentUser>();
        context.Services.AddRadzenComponents();
        return context;
    }
}
