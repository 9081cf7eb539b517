"""The Qt application: window, reader, library, panels, dialogs, workers."""
