using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Clients;

/// <summary>Shows a failed save of a client record on a form: the conflict message and each field's error in the user's language.</summary>
public static class ClientSaveErrors
{
    /// <summary>Adds the errors under "Input.{Field}" (or <paramref name="prefix"/>), as the forms name their inputs.</summary>
    public static void AddTo(this ClientSaveResult result, ModelStateDictionary modelState, IStringLocalizer text, string prefix = "Input.")
    {
        if (result.Conflict) modelState.AddModelError("", text["Client.Conflict"]);
        foreach (var (field, key) in result.Errors)
            modelState.AddModelError(prefix.Length == 0 ? field : prefix + char.ToUpperInvariant(field[0]) + field[1..], text[key]);
        if (result.Refused is { } refused) modelState.AddModelError(prefix.Length == 0 ? "files" : prefix + "Files", text[refused.Key, refused.Argument]);
    }

    /// <summary>Shows why a change could not be reverted: it changed since, the old value is no longer valid, or a concurrent edit.</summary>
    public static void AddTo(this RevertResult result, ModelStateDictionary modelState, IStringLocalizer text)
    {
        if (result.Conflict) modelState.AddModelError("", text["Client.Conflict"]);
        if (result.RefusedKey is { } key)
            modelState.AddModelError("", text[key, string.Join(" ", (result.Errors ?? new Dictionary<string, string>()).Values.Select(e => text[e].Value))]);
    }
}
