"""Domain vocabulary: enums, value rules and DTOs; standard library only."""
