//! Template data built by moving values in. `serde_json::json!` serialises
//! every value it is given again, so a list built for one part of a page
//! was copied once for every object it was nested in; on a large site that
//! was a fifth of the build. [`obj!`](crate::obj) takes the same
//! `{ "key": value, ... }` form and moves `Value`s and lists of them in.

use serde::Serialize;
use serde_json::Value;

/// A value on its way into an object.
pub struct Moved<T>(pub T);

/// Values that are already JSON: moved in as they are.
pub trait MoveIn {
    fn into_value(self) -> Value;
}

impl MoveIn for Moved<Value> {
    fn into_value(self) -> Value {
        self.0
    }
}

impl MoveIn for Moved<Vec<Value>> {
    fn into_value(self) -> Value {
        Value::Array(self.0)
    }
}

impl MoveIn for Moved<Option<Value>> {
    fn into_value(self) -> Value {
        self.0.unwrap_or(Value::Null)
    }
}

/// Anything else: serialised, as `json!` does.
pub trait SerialiseIn {
    fn into_value(self) -> Value;
}

impl<T: Serialize> SerialiseIn for &Moved<T> {
    fn into_value(self) -> Value {
        serde_json::to_value(&self.0).unwrap_or(Value::Null)
    }
}

/// `obj!({ "key": value, "nested": { ... }, "none": null })`: a JSON
/// object, its `Value`s and `Vec<Value>`s moved in rather than copied.
#[macro_export]
macro_rules! obj {
    ({ $($body:tt)* }) => {{
        #[allow(unused_mut)]
        let mut map = serde_json::Map::new();
        $crate::obj!(@entries map; $($body)*);
        serde_json::Value::Object(map)
    }};
    (@entries $map:ident; ) => {};
    (@entries $map:ident; $key:literal : null $(, $($rest:tt)*)?) => {
        $map.insert(String::from($key), serde_json::Value::Null);
        $crate::obj!(@entries $map; $($($rest)*)?);
    };
    (@entries $map:ident; $key:literal : { $($inner:tt)* } $(, $($rest:tt)*)?) => {
        $map.insert(String::from($key), $crate::obj!({ $($inner)* }));
        $crate::obj!(@entries $map; $($($rest)*)?);
    };
    (@entries $map:ident; $key:literal : $value:expr $(, $($rest:tt)*)?) => {
        $map.insert(String::from($key), {
            #[allow(unused_imports)]
            use $crate::render::value::{MoveIn as _, SerialiseIn as _};
            $crate::render::value::Moved($value).into_value()
        });
        $crate::obj!(@entries $map; $($($rest)*)?);
    };
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    #[test]
    fn objects_match_json_and_move_lists_in() {
        let list: Vec<Value> = vec![crate::obj!({ "a": 1 }), json!("b")];
        let name = String::from("n");
        let none: Option<&str> = None;
        let made = crate::obj!({
            "list": list.clone(),
            "name": name,
            "nested": { "x": 1.5, "none": none, "null": null },
            "opt": Some(json!(2)),
        });
        let expected = crate::obj!({
            "list": list, "name": "n",
            "nested": { "x": 1.5, "none": null, "null": null },
            "opt": 2,
        });
        assert_eq!(made, expected);
        assert_eq!(made.to_string(), expected.to_string());
    }
}
