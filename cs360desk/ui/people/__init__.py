"""The People, Teams and Community map sections: people, rosters and organizations."""
