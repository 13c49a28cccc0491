"""Stage 3, planning: a course laid out as a CoursePlan (sections, minutes, timetable), and training routes."""
