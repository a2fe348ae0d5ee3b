//! How far a problem runs along its line, so the underline covers the
//! whole bad value (`grade: Goodish` underlines `Goodish`) rather than its
//! first character. Worked out from the line itself, in one place, for
//! every message: the loaders know where a value starts; its end is where
//! the YAML or Markdown around it ends it.

/// The length, in characters and at least 1, of the value that starts at
/// character `col` (from 0) of `line`.
pub fn extent(line: &str, col: usize) -> usize {
    let chars: Vec<char> = line.chars().collect();
    let Some(&first) = chars.get(col) else {
        return 1;
    };
    let rest = &chars[col..];
    let len = match first {
        '"' | '\'' => rest[1..]
            .iter()
            .position(|&c| c == first)
            .map_or(rest.len(), |end| end + 2),
        '[' | '{' => matching(rest),
        _ => plain(&chars, col),
    };
    len.max(1)
}

/// Up to the bracket that closes the one `rest` starts with.
fn matching(rest: &[char]) -> usize {
    let mut depth = 0usize;
    for (i, c) in rest.iter().enumerate() {
        match c {
            '[' | '{' => depth += 1,
            ']' | '}' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
    }
    rest.len()
}

/// An unquoted value or key: in YAML after `key: ` or `- ` it may hold
/// spaces and runs to a comment, or in a flow collection to `,`; a key at
/// the start of a line runs to its `:`; anything else (a link's address,
/// an `@id` in text, an SVG attribute) is one word.
fn plain(chars: &[char], col: usize) -> usize {
    let before: String = chars[..col].iter().collect();
    let before = before.trim_end();
    let in_flow = before.matches(['[', '{']).count() > before.matches([']', '}']).count();
    let after_key = before.ends_with(':') || before.ends_with('-') || in_flow;
    let at_start = before.trim_start().is_empty() || before.trim_start() == "-";
    let mut end = col;
    while end < chars.len() {
        let c = chars[end];
        let next = chars.get(end + 1).copied();
        let key_end = c == ':' && next.is_none_or(char::is_whitespace);
        let stop = if in_flow {
            matches!(c, ',' | ']' | '}') || key_end
        } else if at_start {
            key_end || (c.is_whitespace() && !chars[end..].contains(&':'))
        } else if after_key {
            c == '#' && end > 0 && chars[end - 1].is_whitespace()
        } else {
            c.is_whitespace() || matches!(c, ')' | ']' | '>' | '"' | '=' | ',')
        };
        if stop {
            break;
        }
        end += 1;
    }
    // Not the spaces before a comment or at the end.
    while end > col && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    end - col
}

#[cfg(test)]
mod tests {
    use super::extent;

    fn underlined(line: &str, col: usize) -> String {
        line.chars().skip(col).take(extent(line, col)).collect()
    }

    #[test]
    fn the_underline_covers_the_whole_value() {
        assert_eq!(underlined("    grade: Goodish", 11), "Goodish");
        assert_eq!(
            underlined("grade: Requires improvment  # typo", 7),
            "Requires improvment"
        );
        assert_eq!(underlined("title: \"a: b\" # c", 7), "\"a: b\"");
        assert_eq!(underlined("judgments:", 0), "judgments");
        assert_eq!(underlined("  - id: rec-one", 8), "rec-one");
        assert_eq!(underlined("- { date: 2021-13, value: 245 }", 10), "2021-13");
        assert_eq!(underlined("tags: [a, b]", 6), "[a, b]");
        assert_eq!(
            underlined("See [the plan](@plans/recover) and", 15),
            "@plans/recover"
        );
        assert_eq!(underlined("  <a xlink:href=\"x\">", 5), "xlink:href");
        assert_eq!(underlined("Some prose here", 5), "prose");
    }

    #[test]
    fn a_column_past_the_end_or_on_a_colon_is_one_character() {
        assert_eq!(extent("abc", 10), 1);
        assert_eq!(extent("title: a: b", 8), 1);
        assert_eq!(extent("", 0), 1);
    }
}
