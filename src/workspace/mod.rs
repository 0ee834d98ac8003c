//! The review workspace: the marks a person sets on claims and facts, kept in a SQLite
//! database beside the corpus and keyed by content, so they survive re-extraction, renamed
//! files and re-ordered folders (see docs/workspace.md).

pub mod keys;
pub mod marks;
pub mod store;

pub use keys::{ClaimKey, FactKey, MemberKey, article_key, article_keys, sha256_hex};
pub use marks::{Mark, MarkFilter, Marks, Rating};
pub use store::{Access, Stored, Workspace, WorkspaceError};
