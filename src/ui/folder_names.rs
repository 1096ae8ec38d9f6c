//! How the window names folders (issue 16): the special folders — each
//! account's Inbox, the local Trash and Archive, the junk filter's Junk — in
//! the user's language, every other folder as it is stored. The store and
//! the command line keep the stored names ("Inbox", "Trash", …).

use crate::store::{Folder, FolderRole, JUNK_FOLDER};
use crate::t;

/// A folder's name as the window shows it: the special folders (each
/// account's Inbox, the local Trash and Archive, the junk filter's folder) in
/// the user's language, every other folder as it is stored.
pub fn display_name(folder: &Folder) -> String {
    match folder.role {
        FolderRole::Inbox => t!("window-folder-inbox"),
        FolderRole::Trash => t!("window-folder-trash"),
        FolderRole::Archive => t!("window-folder-archive"),
        FolderRole::User
            if folder.name == JUNK_FOLDER
                && folder.parent.is_none()
                && folder.account.is_none() =>
        {
            t!("window-folder-junk")
        }
        FolderRole::User | FolderRole::Imported => folder.name.clone(),
    }
}

/// `ACCOUNT/NAME` for an account's folders, else the name; the name as
/// [`display_name`] shows it.
pub fn qualified_display_name(folder: &Folder) -> String {
    match &folder.account_name {
        Some(a) => format!("{a}/{}", display_name(folder)),
        None => display_name(folder),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, for_this_thread};
    use crate::store::{AccountId, FolderId};

    fn folder(name: &str, role: FolderRole, account: Option<&str>) -> Folder {
        Folder {
            id: FolderId(1),
            name: name.into(),
            parent: None,
            account: account.map(|_| AccountId(1)),
            account_name: account.map(str::to_owned),
            role,
            total: 0,
            unread: 0,
        }
    }

    #[test]
    fn special_folders_speak_the_language_and_user_folders_keep_their_names() {
        let _id = for_this_thread(Lang::Id);
        let inbox = folder("Inbox", FolderRole::Inbox, Some("Work"));
        assert_eq!(display_name(&inbox), "Kotak Masuk");
        assert_eq!(qualified_display_name(&inbox), "Work/Kotak Masuk");
        assert_eq!(
            display_name(&folder("Trash", FolderRole::Trash, None)),
            "Tempat Sampah"
        );
        assert_eq!(
            display_name(&folder("Archive", FolderRole::Archive, None)),
            "Arsip"
        );
        assert_eq!(
            display_name(&folder(JUNK_FOLDER, FolderRole::User, None)),
            "Spam"
        );
        // A folder the user (or an import) named like a special one is theirs.
        assert_eq!(
            display_name(&folder("Trash", FolderRole::User, None)),
            "Trash"
        );
        assert_eq!(
            display_name(&folder("Junk", FolderRole::Imported, None)),
            "Junk"
        );
        let mut nested = folder(JUNK_FOLDER, FolderRole::User, None);
        nested.parent = Some(FolderId(7));
        assert_eq!(display_name(&nested), "Junk");
        let _en = for_this_thread(Lang::En);
        assert_eq!(qualified_display_name(&inbox), "Work/Inbox");
        assert_eq!(
            display_name(&folder(JUNK_FOLDER, FolderRole::User, None)),
            "Junk"
        );
    }
}
