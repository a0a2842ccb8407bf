//! `casefile user …` (accounts of a team server) and `casefile serve`.
//! Passwords come from `CASEFILE_PASSWORD` or a prompt that does not echo,
//! never from an argument (arguments are visible to every user of the
//! machine and kept in shell histories).

use crate::commands::open;
use anyhow::{bail, Context, Result};
use casefile_app::{accounts, Actor, Role};
use clap::Subcommand;
use std::net::SocketAddr;
use std::path::Path;

/// The environment variable a password may come from.
pub const PASSWORD_ENV: &str = "CASEFILE_PASSWORD";

#[derive(Subcommand)]
pub enum UserCommand {
    /// Add a user with a role (admin, investigator, analyst, tracer, viewer).
    Add {
        name: String,
        #[arg(long)]
        role: Role,
    },
    /// Set a user's password (ends their sessions).
    Passwd { name: String },
    /// Give a user another role.
    Role { name: String, role: Role },
    /// Disable a user: their sessions and tokens are refused from now on.
    Disable { name: String },
    /// List users.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Make an API token for a user; it is printed once.
    Token { name: String },
    /// Revoke a token by its id.
    Revoke { token_id: String },
}

fn password(prompt: &str) -> Result<String> {
    if let Ok(p) = std::env::var(PASSWORD_ENV) {
        return Ok(p);
    }
    let first = rpassword::prompt_password(prompt).with_context(|| {
        format!("cannot read a password (set {PASSWORD_ENV} when there is no terminal)")
    })?;
    let again = rpassword::prompt_password("again: ").context("cannot read the password")?;
    if first != again {
        bail!("the two passwords differ");
    }
    Ok(first)
}

pub fn run(dir: &Path, command: UserCommand, actor: &Actor) -> Result<u8> {
    let mut project = open(dir)?;
    match command {
        UserCommand::Add { name, role } => {
            let password = password(&format!("password for {name}: "))?;
            let user = accounts::add_user(&mut project, actor, &name, role, &password)?;
            println!("added user {} ({})", user.name, user.role);
        }
        UserCommand::Passwd { name } => {
            let password = password(&format!("new password for {name}: "))?;
            accounts::set_password(&mut project, actor, &name, &password)?;
            println!("password of {name} changed; their sessions ended");
        }
        UserCommand::Role { name, role } => {
            let user = accounts::set_role(&mut project, actor, &name, role)?;
            println!("{} is now {}", user.name, user.role);
        }
        UserCommand::Disable { name } => {
            accounts::disable(&mut project, actor, &name)?;
            println!("disabled {name}: sessions ended, tokens revoked");
        }
        UserCommand::List { json } => {
            let users = accounts::users(&project, actor)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&users)?);
            } else {
                for u in &users {
                    let state = if u.disabled { "disabled" } else { "active" };
                    println!(
                        "{:<24} {:<12} {:<8} since {}",
                        u.name, u.role, state, u.created_at
                    );
                }
            }
        }
        UserCommand::Token { name } => {
            let token = accounts::create_token(&mut project, actor, &name)?;
            eprintln!(
                "token {} for {} (shown once; revoke with `casefile user revoke {}`):",
                token.id, token.user, token.id
            );
            println!("{}", token.token);
        }
        UserCommand::Revoke { token_id } => {
            accounts::revoke_token(&mut project, actor, &token_id)?;
            println!("revoked token {token_id}");
        }
    }
    Ok(0)
}

/// `casefile serve`: the team server (API and web pages) on `bind` until
/// Ctrl-C or SIGTERM.
pub fn serve(dir: &Path, bind: SocketAddr, insecure_cookies: bool) -> Result<u8> {
    // Opened (or, on a database elsewhere, created) here, so that a wrong
    // directory fails before the server starts listening.
    drop(open(dir)?);
    let mut config = casefile_server::ServerConfig::new(dir.to_path_buf(), bind);
    config.backends = crate::commands::current_backends();
    let storage = config.backends.describe();
    if insecure_cookies {
        config.secure_cookies = false;
    }
    casefile_web::serve(config, |addr| {
        eprintln!(
            "casefile serving {} ({storage}) on http://{addr} (pages at /, API under /api, OpenAPI at /openapi.json)",
            dir.display()
        );
    })?;
    Ok(0)
}
