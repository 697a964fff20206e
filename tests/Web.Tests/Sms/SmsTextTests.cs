using MutualAid.Web.Sms;

namespace MutualAid.Web.Tests.Sms;

/// <summary>How a text's words are read, on their own: no host needed.</summary>
public sealed class SmsTextTests
{
    [Fact]
    public void Folding_keeps_an_emoji_and_one_character_for_one()
    {
        const string typed = "Pan 🍞 niños";

        var folded = SmsText.Fold(typed);

        Assert.Equal("PAN 🍞 NINOS", folded);
        Assert.Equal(typed.Length, folded.Length);
    }

    [Fact]
    public void A_HELP_with_an_emoji_still_finds_the_need_and_the_place()
    {
        var text = SmsText.Read("HELP food 🍞 in Docks");

        Assert.Equal(SmsIntent.Help, text.Intent);
        Assert.Equal(RequestCategory.Food, text.Category());
        Assert.Equal("Docks", text.Area());
    }
}
