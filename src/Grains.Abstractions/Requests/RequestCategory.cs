namespace MutualAid.Requests;

[GenerateSerializer, Alias("MutualAid.RequestCategory")]
public enum RequestCategory
{
    Food = 0,
    Groceries = 1,
    Medicine = 2,
    MedicalSupplies = 3,
    Shelter = 4,
    Transport = 5,
    Childcare = 6,
    Eldercare = 7,
    EmotionalSupport = 8,
    Legal = 9,
    Utilities = 10,
    Other = 11,
}
