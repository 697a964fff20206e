namespace MutualAid.Offers;

[GenerateSerializer, Alias("MutualAid.OfferKind")]
public enum OfferKind
{
    /// <summary>Countable things: 20 kg rice, 10 nappies.</summary>
    Goods = 0,
    /// <summary>A skill or a time slot: "drive Tue 9-12".</summary>
    SkillOrTime = 1,
    /// <summary>A place: "spare room", "freezer space".</summary>
    Space = 2,
}
