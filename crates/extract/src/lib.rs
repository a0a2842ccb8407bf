//! Rule-based extraction of persons, organizations, places, dates, child-count claims and events.
