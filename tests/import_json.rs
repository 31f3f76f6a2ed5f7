//! `factbench import --json`: one JSON line per file once the workspace is
//! saved, with the warnings also on stderr as `warning: FILE: …`.

mod fresh_home;

use std::fs;

#[test]
fn import_json_prints_a_line_per_file_with_its_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("заметка.txt");
    let body = "Президент посетит Москву на следующей неделе, чтобы принять участие в параде и провести переговоры. 👋 e\u{301}";
    fs::write(&text, format!("Заголовок\n\n{body}")).unwrap();
    let page = dir.path().join("notice.html");
    fs::write(
        &page,
        "<html><body><div><p>We use cookies. Accept all or manage your privacy settings.</p>\
         <p>Log in or sign in.</p></div></body></html>",
    )
    .unwrap();
    let workspace = dir.path().join("desk.ron");
    let output = fresh_home::factbench()
        .arg("import")
        .arg(&text)
        .arg(&page)
        .arg("--into")
        .arg(&workspace)
        .arg("--json")
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    let saved = fs::read_to_string(&workspace).unwrap();
    assert_eq!(lines[0]["file"], text.display().to_string());
    assert_eq!(lines[0]["title"], "Заголовок");
    assert_eq!(lines[0]["format"], "text");
    assert_eq!(lines[0]["encoding"], "UTF-8");
    assert_eq!(lines[0]["language"], "ru");
    assert_eq!(lines[0]["warnings"], serde_json::json!([]));
    for line in &lines {
        let id = line["article"].as_str().unwrap();
        assert!(saved.contains(id), "{id} not in the workspace");
        assert!(line["chars"].as_u64().unwrap() > 0);
    }
    assert_eq!(lines[1]["format"], "web page");
    let warning = lines[1]["warnings"][0].as_str().unwrap();
    assert!(warning.contains("may not be the article"), "{warning}");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(&format!("warning: {}: {warning}", page.display())),
        "{stderr}"
    );
}

#[test]
fn a_pdf_and_a_word_document_print_their_pages_and_fingerprint() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("report.pdf");
    fs::write(&pdf, factbench::import::pdf::make::report(3)).unwrap();
    let docx = dir.path().join("report.docx");
    fs::write(&docx, factbench::import::docx::make::report(2)).unwrap();
    let workspace = dir.path().join("desk.ron");
    let output = fresh_home::factbench()
        .args(["import", "--json", "--into"])
        .arg(&workspace)
        .arg(&pdf)
        .arg(&docx)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["format"], "PDF");
    assert_eq!(lines[0]["title"], "Annual report");
    let pages = lines[0]["pages"].as_array().unwrap();
    assert_eq!(pages.len(), 3);
    assert_eq!(
        pages[0],
        serde_json::json!({"page": 1, "label": "1", "start": 0})
    );
    assert!(pages[2]["start"].as_u64().unwrap() > pages[1]["start"].as_u64().unwrap());
    assert_eq!(lines[0]["fingerprint"]["pdf_id"], "0a1b2c3d");
    assert_eq!(
        lines[0]["fingerprint"]["sha256"].as_str().unwrap().len(),
        64
    );
    assert_eq!(lines[1]["format"], "Word document");
    assert_eq!(lines[1]["pages"].as_array().unwrap().len(), 2);
    // The workspace keeps the article with its pages (format 11).
    let saved = fs::read_to_string(&workspace).unwrap();
    assert!(saved.contains("Page 3 line 39"));
    assert_eq!(saved.matches("PageStart(").count(), 3 + 2);
}
