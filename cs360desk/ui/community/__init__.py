"""The Community input and Communications sections: input, findings, recommendations, updates."""
