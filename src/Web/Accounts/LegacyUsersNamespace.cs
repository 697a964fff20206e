// CurrentUser moved to MutualAid.Web.Accounts; Volunteers/PlainAssignmentsPage.cs (being rewritten
// as a Razor component on another branch) still imports the old namespace. Delete this file when
// that rewrite is merged.
namespace MutualAid.Web.Users;
