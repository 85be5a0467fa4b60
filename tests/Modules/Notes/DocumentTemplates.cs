using Crm.Sdk.Templates;

namespace Crm.TestModules.Notes;

public static class DocumentTemplates
{
    public static readonly DocumentTemplate NoteCard = new("note-card", "Template.NoteCard", "Crm.TestModules.Notes.Templates.note-card.scriban");
}
