namespace Crm.Host.Pages.Shared;

/// <summary>One record of a duplicates group as the page lists it.</summary>
public sealed record DuplicateItem(int Id, string Name, string? Detail);

/// <summary>Groups of likely duplicates for the shared duplicates list: <see cref="Path"/> is "/Companies" or "/Contacts".</summary>
public sealed record DuplicatesView(string Path, IReadOnlyList<(string Reason, IReadOnlyList<DuplicateItem> Items)> Groups);

/// <summary>The field-by-field choice of a merge: the kept record's and the duplicate's value of each field.</summary>
public sealed record MergeView(string FieldPrefix, int KeepId, int MergeId, IReadOnlyList<(string Field, string? Kept, string? Other)> Fields)
{
    /// <summary>The fields whose value the user chose to take from the duplicate, from the form's <c>choice[field]</c> radios.</summary>
    public static List<string> TakenFromDuplicate(Dictionary<string, string> choice) =>
        choice.Where(c => c.Value == "merge").Select(c => c.Key).ToList();
}
