using System.Globalization;
using MutualAid.Common;
using MutualAid.Offers;
using MutualAid.Requests;
using MutualAid.Volunteers;
using MutualAid.Web.Accounts;

namespace MutualAid.Web.Import;

/// <summary>The three spreadsheets networks already keep, read into the same commands the app sends.</summary>
public static class ImportKinds
{
    public static readonly ImportKind<VolunteerProfile> Volunteers = new("volunteers",
    [
        // Headers as a sheet kept in English or Spanish names them (accents and case do not matter).
        new("Name", true, "full name", "volunteer", "volunteer name", "nombre", "nombre completo", "voluntario", "voluntaria"),
        new("Phone", false, "mobile", "telephone", "tel", "phone number", "teléfono", "móvil", "celular"),
        new("Email", false, "e-mail", "email address", "mail", "correo", "correo electrónico"),
        new("HelpsWith", false, "helps with", "categories", "can help with", "category", "ayuda con", "puede ayudar con", "categorías", "categoría") { Choices = typeof(RequestCategory) },
        new("Languages", false, "language", "speaks", "idiomas", "idioma", "habla"),
        new("Vehicle", false, "has vehicle", "car", "driver", "vehículo", "tiene vehículo", "coche", "conductor"),
        new("MaxAssignments", false, "max assignments", "max jobs", "capacity", "máx. tareas", "máximo de tareas", "capacidad"),
        new("MaxHoursPerWeek", false, "max hours", "hours per week", "hours a week", "máx. horas", "horas por semana", "horas a la semana"),
        new("Skills", false, "skill", "habilidades", "habilidad"),
        new("VolunteerId", false, "volunteer id", "id de voluntario", "id voluntario"),
    ],
    (row, hub, _) =>
    {
        var errors = new List<FieldError>();
        var profile = new VolunteerProfile(row["Name"] ?? "", [hub], Categories(row["HelpsWith"], errors), List(row["Languages"]),
            YesNo(row["Vehicle"], "Vehicle", errors), Int(row["MaxAssignments"], 3, "MaxAssignments", errors), Number(row["MaxHoursPerWeek"], 10, "MaxHoursPerWeek", errors))
        {
            Skills = List(row["Skills"]),
            Contact = row["Phone"] is null && row["Email"] is null ? null : new ContactDetails(row["Name"] ?? "", row["Phone"], row["Email"], null),
        };
        errors.AddRange(profile.Validate());
        return (profile, errors);
    },
    async (grains, id, profile) => (await grains.GetGrain<IVolunteerGrain>(id).Register(profile, AppActors.Import)).Status,
    RowIdentity.Person,
    (row, profile) => [.. RowKey.OfPerson(profile.Contact), .. RowKey.OfVolunteer(row["VolunteerId"], profile.Name)]);

    public static readonly ImportKind<NewOffer> Offers = new("offers",
    [
        new("Description", true, "offer", "what", "item", "descripción", "oferta", "qué", "artículo"),
        new("Category", true, "type", "categoría", "tipo") { Choices = typeof(RequestCategory) },
        new("Quantity", true, "qty", "amount", "cantidad"),
        new("Unit", true, "units", "unidad", "unidades"),
        new("Kind", false, "clase") { Choices = typeof(OfferKind) },
        new("ContactName", true, "name", "contact", "from", "nombre", "contacto", "de"),
        new("Phone", false, "mobile", "telephone", "teléfono", "móvil", "celular"),
        new("Email", false, "e-mail", "correo", "correo electrónico"),
        new("Area", false, "location", "neighbourhood", "zona", "barrio", "lugar"),
    ],
    (row, hub, actor) =>
    {
        var errors = new List<FieldError>();
        var offer = new NewOffer(hub, Enum<OfferKind>(row["Kind"], OfferKind.Goods, "Kind", errors), Enum<RequestCategory>(row["Category"], RequestCategory.Other, "Category", errors),
            row["Description"] ?? "", Decimal(row["Quantity"], "Quantity", errors), row["Unit"] ?? "",
            new ContactDetails(row["ContactName"] ?? "", row["Phone"], row["Email"], null), RequestSource.Import, actor)
        {
            Area = row["Area"],
        };
        errors.AddRange(offer.Validate());
        return (offer, errors);
    },
    async (grains, id, offer) => (await grains.GetGrain<IOfferGrain>(id).Create(offer)).Status);

    public static readonly ImportKind<NewRequest> Requests = new("requests",
    [
        new("Need", true, "request", "description", "what", "necesidad", "solicitud", "descripción", "qué"),
        new("Category", true, "type", "categoría", "tipo") { Choices = typeof(RequestCategory) },
        new("Urgency", false, "priority", "urgencia", "prioridad") { Choices = typeof(Urgency) },
        new("Area", true, "location", "where", "neighbourhood", "zona", "dónde", "barrio", "lugar"),
        new("ContactName", true, "name", "requester", "contact", "nombre", "solicitante", "contacto"),
        new("Phone", false, "mobile", "telephone", "teléfono", "móvil", "celular"),
        new("Email", false, "e-mail", "correo", "correo electrónico"),
        new("Address", false, "street address", "dirección"),
        new("Language", false, "preferred language", "idioma", "idioma preferido"),
        new("Reference", false, "ref", "reference code", "referencia", "código"),
    ],
    (row, hub, actor) =>
    {
        var errors = new List<FieldError>();
        var request = new NewRequest(hub, Enum<RequestCategory>(row["Category"], RequestCategory.Other, "Category", errors), Enum<Urgency>(row["Urgency"], Urgency.Normal, "Urgency", errors),
            row["Area"] ?? "", row["Need"] ?? "", new ContactDetails(row["ContactName"] ?? "", row["Phone"], row["Email"], row["Address"]), RequestSource.Import, actor)
        {
            PreferredLanguage = row["Language"],
        };
        errors.AddRange(request.Validate(DateTimeOffset.UtcNow));
        return (request, errors);
    },
    async (grains, id, request) => (await grains.GetGrain<IRequestGrain>(id).Create(request)).Status,
    RowIdentity.Request,
    (row, _) => row["Reference"] is { } reference ? [new RowKey("Reference", reference, RowKey.OfReference(reference))] : []);

    public static IImportKind? Find(string name) =>
        new IImportKind[] { Volunteers, Offers, Requests }.FirstOrDefault(k => k.Name == name);

    private static string[] List(string? cell) =>
        cell is null ? [] : cell.Split(ImportWords.ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static RequestCategory[] Categories(string? cell, List<FieldError> errors) =>
        List(cell).Select(c => Enum<RequestCategory>(c, RequestCategory.Other, "HelpsWith", errors)).Distinct().ToArray();

    private static TEnum Enum<TEnum>(string? cell, TEnum fallback, string field, List<FieldError> errors) where TEnum : struct, Enum
    {
        if (cell is null) return fallback;
        if (System.Enum.TryParse<TEnum>(cell.Replace(" ", "", StringComparison.Ordinal), ignoreCase: true, out var value) && System.Enum.IsDefined(value) && !int.TryParse(cell, out _))
        {
            return value;
        }

        errors.Add(FieldError.Of(field, Reason.NotOneOf, cell, Reasons.Choices<TEnum>()));
        return fallback;
    }

    private static bool YesNo(string? cell, string field, List<FieldError> errors)
    {
        switch (cell?.ToLowerInvariant())
        {
            case null or "no" or "n" or "false" or "0": return false;
            // The app speaks Spanish too, and its own error says "no es sí o no": "sí" must be a yes.
            case "yes" or "y" or "true" or "1" or "sí" or "si": return true;
            default:
                errors.Add(FieldError.Of(field, Reason.NotYesOrNo, cell));
                return false;
        }
    }

    private static int Int(string? cell, int fallback, string field, List<FieldError> errors)
    {
        if (cell is null) return fallback;
        if (int.TryParse(cell, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        errors.Add(FieldError.Of(field, Reason.NotWholeNumber, cell));
        return fallback;
    }

    private static double Number(string? cell, double fallback, string field, List<FieldError> errors)
    {
        if (cell is null) return fallback;
        if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
        errors.Add(FieldError.Of(field, Reason.NotANumber, cell));
        return fallback;
    }

    private static decimal Decimal(string? cell, string field, List<FieldError> errors)
    {
        if (cell is not null && decimal.TryParse(cell, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) return value;
        errors.Add(cell is null ? FieldError.Of(field, Reason.QuantityRequired) : FieldError.Of(field, Reason.NotANumber, cell));
        return 0;
    }
}
