//! Files sent with `multipart/form-data`, written to a private temporary
//! folder for the operations that read files from disk (ingest, registry
//! import), and the file names the client gave them.

use crate::error::ApiError;
use axum::extract::Multipart;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// One uploaded file: where it was written, and its name as sent.
pub struct Upload {
    pub path: PathBuf,
    pub name: String,
}

/// What a form held: its files and its text fields.
pub struct Form {
    /// Removed (with the files) when the form is dropped.
    pub dir: tempfile::TempDir,
    pub files: Vec<Upload>,
    pub fields: HashMap<String, String>,
}

impl Form {
    /// The client's name for a path under this form's folder (for messages).
    pub fn name_of(&self, path: &str) -> String {
        self.files
            .iter()
            .find(|u| u.path.to_str() == Some(path))
            .map(|u| u.name.clone())
            .unwrap_or_else(|| "upload".to_string())
    }
}

/// The last component of a client's file name, with only harmless
/// characters kept (it becomes a file name on this machine).
fn safe_name(given: Option<&str>) -> String {
    let last = given.unwrap_or("").rsplit(['/', '\\']).next().unwrap_or("");
    let name: String = last
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | ' '))
        .take(120)
        .collect();
    let name = name.trim_start_matches('.').trim().to_string();
    if name.is_empty() {
        "upload".to_string()
    } else {
        name
    }
}

fn bad_form(e: impl std::fmt::Display) -> ApiError {
    ApiError::bad_request(format!("cannot read the form: {e}"))
}

/// Reads every part of `multipart`: parts with a file name are files, the
/// others text fields.
pub async fn read_form(mut multipart: Multipart, file_field: &str) -> Result<Form, ApiError> {
    let dir = tempfile::tempdir().map_err(|_| ApiError::internal())?;
    let mut files = Vec::new();
    let mut fields = HashMap::new();
    while let Some(field) = multipart.next_field().await.map_err(bad_form)? {
        let field_name = field.name().unwrap_or("").to_string();
        if field_name == file_field {
            let name = safe_name(field.file_name());
            let bytes = field.bytes().await.map_err(bad_form)?;
            // One folder per file: two files may have the same name.
            let folder = dir.path().join(files.len().to_string());
            let path = folder.join(&name);
            write(&folder, &path, bytes).await?;
            files.push(Upload { path, name });
        } else {
            let text = field.text().await.map_err(bad_form)?;
            fields.insert(field_name, text);
        }
    }
    Ok(Form { dir, files, fields })
}

async fn write(folder: &Path, path: &Path, bytes: axum::body::Bytes) -> Result<(), ApiError> {
    let (folder, path) = (folder.to_path_buf(), path.to_path_buf());
    tokio::task::spawn_blocking(move || {
        std::fs::create_dir_all(&folder)?;
        std::fs::write(&path, &bytes)
    })
    .await
    .map_err(|_| ApiError::internal())?
    .map_err(|_| ApiError::internal())
}

#[cfg(test)]
mod tests {
    use super::safe_name;

    #[test]
    fn client_file_names_cannot_climb_out() {
        assert_eq!(safe_name(Some("../../etc/passwd")), "passwd");
        assert_eq!(safe_name(Some("C:\\x\\звіт 1.html")), "звіт 1.html");
        assert_eq!(safe_name(Some("..")), "upload");
        assert_eq!(safe_name(None), "upload");
        assert_eq!(safe_name(Some(".hidden")), "hidden");
    }
}
